//! Sorting the engine's short lists (chosen options, likely causes): insertion sort. The standard
//! library's sort is fast on long lists but brings a few KB of code per element type into the wasm
//! module; these lists are a few dozen items (at most the 1,024 items `answers` accepts), where
//! insertion sort is as quick and its code is a few dozen bytes.

/// Sorts `v` so that no element is `less` than one before it; equal elements keep their order.
pub fn sort_small_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_small_by;

    #[test]
    fn sorts_like_the_standard_sort_and_keeps_equal_elements_in_order() {
        let mut seed = 7u32;
        for n in 0..40 {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_small_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0); // stable
            assert_eq!(ours, std);
        }
    }
}
