// Every module of the element, named once here (side-effect free, but for frame.js registering the checker's CSS length unit), so that a browser loading
// the unbundled modules (the npm package's mpcheck-app.js) finds the whole graph two levels down and
// fetches it in two round trips rather than five. tests/e2e/units.test.mjs checks that the list is
// complete. (dist/ bundles the element into one file: scripts/assemble.mjs.)
// Not here, loaded when needed by dynamic imports: i18n/en.js (i18n/index.js, when a checker shows
// English), the checklist's and the rejection help's components (app/views.js, when first shown), the
// category picker with its search (components/question-field/picker.js, when a category question is
// first shown) and its pinyin table (search.js, when a picker opens), the Markdown writer
// (components/share/share.js, when a result is first copied as Markdown), what-if
// (components/results-view/results-view.js, when it is first opened) and the tick-list of what is
// already held (components/held-list/held-offer.js, when it is opened).
import './answers.js';
import './asking.js';
import './engine.js';
import './folded.js';
import './pairs.js';
import './flow.js';
import './print.js';
import './problem.js';
import './props.js';
import './report.js';
import './resources.js';
import './router.js';
import './saved-notices.js';
import './settings.js';
import './state.js';
import './views.js';
import '../components/all-questions/all-questions.js';
import '../components/check-answers/check-answers.js';
import '../components/dom.js';
import '../components/frame/frame.js';
import '../components/held-list/held-offer.js';
import '../components/load-error/load-error.js';
import '../components/notices/notices.js';
import '../components/plan-view/plan-view.js';
import '../components/question-field/amount.js';
import '../components/question-field/picker.js';
import '../components/question-field/question-field.js';
import '../components/question-page/question-page.js';
import '../components/requirement-card/requirement-card.js';
import '../components/requirement-card/sources.js';
import '../components/results-view/outcome.js';
import '../components/results-view/req-list.js';
import '../components/results-view/results-view.js';
import '../components/share/share.js';
import '../components/start-page/start-page.js';
import '../components/status/status.js';
import '../i18n/index.js';
import '../i18n/zh-CN.js';
import '../store/earlier-keys.js';
import '../store/saved-answers.js';
