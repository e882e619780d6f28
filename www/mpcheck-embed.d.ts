// Types for mpcheck-embed.js: the script-tag embed. It starts loading the engine at once, defines
// <mpcheck-app>, and inserts one after every script tag that loaded it with data-* attributes.
import type { MpcheckApp } from './mpcheck-app.js';
export type { MpcheckApp, MpcheckChangeDetail, MpcheckResultDetail } from './mpcheck-app.js';
/** Resolves to the element class once <mpcheck-app> is defined and the script tags are handled. */
export const ready: Promise<typeof MpcheckApp>;
/** Attributes copied from the script tag's data-* onto the inserted element. */
export const EMBED_ATTRIBUTES: readonly string[];
/** Insert elements for script tags not handled yet (runs once on load; call again after adding tags). */
export function embedFromScriptTags(): MpcheckApp[];
