//! A map kept as a sorted vector. In the wasm it costs a fraction of the
//! bytes of a hash map (no hasher, no table code) and looks up in
//! O(log n), which is all the model needs.

use std::borrow::Borrow;
use std::cmp::Ordering;

/// A map from `K` to `V` in a sorted `Vec`.
///
/// ```
/// use partnerships_widget::model::lookup::SortedMap;
/// let mut map = SortedMap::from_unsorted(vec![("b", 2), ("a", 1)]);
/// assert_eq!(map.get("b"), Some(&2));
/// assert!(map.insert_if_absent("c", 4));
/// assert!(!map.insert_if_absent("a", 9));
/// assert_eq!(map.get("a"), Some(&1));
/// ```
#[derive(Clone, Debug)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K: Ord, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// A map of `entries`; of a key given twice one entry is kept
    /// (validation reports duplicate keys and ids).
    pub fn from_unsorted(entries: Vec<(K, V)>) -> Self {
        let mut entries = sort_by(entries, |a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        SortedMap { entries }
    }

    fn position<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value of `key`, if present.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(key).ok().map(|i| &self.entries[i].1)
    }

    /// True when `key` is present.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(key).is_ok()
    }

    /// Inserts `key` with `value` unless present; true when inserted.
    /// The position of `key` among the entries (in key order), if present:
    /// lets a caller keep data aligned with the map in a plain vector.
    pub fn position_of<Q>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.position(key).ok()
    }

    /// The values, in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn insert_if_absent(&mut self, key: K, value: V) -> bool {
        match self.position(&key) {
            Ok(_) => false,
            Err(at) => {
                self.entries.insert(at, (key, value));
                true
            }
        }
    }
}

/// The positions `0..len` in the order `compare` puts them; positions that
/// compare equal keep their order (the sort is stable). Every sort in the
/// model goes through this one function: each `sort_unstable_by` on
/// another element type or closure linked another copy of the sort into
/// the wasm (measured: five copies of ~2.4 KB each).
///
/// A heapsort, by hand: the standard library's quicksort with its small-
/// slice sorts was 2.6 KB of the wasm's code, this is a tenth of that
/// (measured: -0.8 KiB brotli), and at most n log n comparisons still sort
/// a Land's thousands of entries in milliseconds.
///
/// ```
/// use partnerships_widget::model::lookup::sorted_positions;
/// let words = ["b", "c", "a", "b"];
/// assert_eq!(sorted_positions(4, &|x, y| words[x].cmp(words[y])), [2, 0, 3, 1]);
/// ```
pub fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    // Ties broken by position: a total order, so the heap's moves cannot
    // reorder equal entries.
    let before = |a: usize, b: usize| compare(a, b).then(a.cmp(&b)) == Ordering::Less;
    let sift_down = |order: &mut [usize], mut parent: usize, end: usize| loop {
        let mut child = 2 * parent + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && before(order[child], order[child + 1]) {
            child += 1;
        }
        if !before(order[parent], order[child]) {
            return;
        }
        order.swap(parent, child);
        parent = child;
    };
    let mut order: Vec<usize> = (0..len).collect();
    for parent in (0..len / 2).rev() {
        sift_down(&mut order, parent, len);
    }
    for end in (1..len).rev() {
        order.swap(0, end);
        sift_down(&mut order, 0, end);
    }
    order
}

/// `items` in the order `compare` puts them (stable), through
/// [`sorted_positions`].
///
/// ```
/// use partnerships_widget::model::lookup::sort_by;
/// assert_eq!(sort_by(vec![3, 1, 2], |a, b| a.cmp(b)), [1, 2, 3]);
/// ```
pub fn sort_by<T>(items: Vec<T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|at| slots[at].take())
        .collect()
}
