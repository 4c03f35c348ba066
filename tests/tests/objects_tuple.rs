//! `tuple` against CPython 3.12.1: the oracle's tuple scenarios (034, 035, 037, 038), the
//! immortal empty tuple, the free lists of 2000 per length for lengths 1 to 20, and the rules
//! of concatenation and repetition.

use pyrt::{Bound, Runtime};

#[test]
fn sizes_match_oracle_034_035_037_038() {
    Runtime::new().with(|py| {
        let ints = |n: i64| (0..n).map(|i| py.int(i).unwrap()).collect::<Vec<_>>();
        // 034: () (1,) ... (1, 2, 3, 4, 5)
        let sizes: Vec<usize> = (0..=5)
            .map(|n| py.tuple(ints(n)).unwrap().getsizeof())
            .collect();
        assert_eq!(sizes, [40, 48, 56, 64, 72, 80]);
        // 035: a 20-tuple, literal or tuple(range(20)), and equality
        let (t, u) = (py.tuple(ints(20)).unwrap(), py.tuple(ints(20)).unwrap());
        assert_eq!((t.len().unwrap(), t.getsizeof()), (20, 200));
        assert!(t.rich_compare_bool(&u, pyrt::CompareOp::Eq).unwrap());
        // 037: contents are not counted
        let big = py
            .str("a long string that is not counted")
            .unwrap()
            .into_any();
        let list = py.list(ints(8)).unwrap().into_any();
        assert_eq!(py.tuple([big, list]).unwrap().getsizeof(), 56);
        // 038: tuple([1, 2, 3]), (1, 2) + (3, 4, 5), (7,) * 6, tuple([])
        assert_eq!(py.tuple(ints(3)).unwrap().getsizeof(), 64);
        let joined = py
            .tuple(ints(2))
            .unwrap()
            .add(&py.tuple(ints(3)).unwrap())
            .unwrap();
        assert_eq!((joined.len().unwrap(), joined.getsizeof()), (5, 80));
        let seven = py.tuple([py.int(7).unwrap()]).unwrap();
        assert_eq!(seven.mul(&py.int(6).unwrap()).unwrap().getsizeof(), 88);
        assert_eq!(py.tuple(Vec::<Bound<'_>>::new()).unwrap().getsizeof(), 40);
    });
}

#[test]
fn the_empty_tuple_is_one_immortal_object() {
    // CPython 3.12.1: () is () * 5 -> True, (1,) * 0 is () -> True
    Runtime::new().with(|py| {
        let empty = py.tuple(Vec::<Bound<'_>>::new()).unwrap();
        assert_eq!(py.getrefcount(&empty), 4_294_967_295);
        assert!(empty.mul(&py.int(5).unwrap()).unwrap().is(&empty));
        let one = py.tuple([py.int(1).unwrap()]).unwrap();
        assert!(one.mul(&py.int(0).unwrap()).unwrap().is(&empty));
        assert!(one.mul(&py.int(-1).unwrap()).unwrap().is(&empty));
        assert!(one.mul(&py.int(1).unwrap()).unwrap().is(&one), "t * 1 is t");
    });
}

#[test]
fn dead_tuples_wait_on_free_lists_of_2000_per_length() {
    Runtime::new().with(|py| {
        let before = py.malloc_stats().allocated_blocks();
        let singles: Vec<_> = (0..2500).map(|_| py.tuple([py.none()]).unwrap()).collect();
        let long: Vec<_> = (0..10)
            .map(|_| py.tuple((0..21).map(|_| py.none())).unwrap())
            .collect();
        assert_eq!(py.malloc_stats().allocated_blocks(), before + 2510);
        drop(singles);
        drop(long);
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before + 2000,
            "2000 1-tuples kept; 21-tuples are never kept"
        );
        let again: Vec<_> = (0..2000).map(|_| py.tuple([py.none()]).unwrap()).collect();
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before + 2000,
            "all came from the free list"
        );
        drop(again);
        py.clear_freelists();
        assert_eq!(py.malloc_stats().allocated_blocks(), before);
    });
}

#[test]
fn concatenation_repetition_and_indexing_errors_match_cpython() {
    // CPython 3.12.1: (1,)+[2], (1,2)*2.0, (1,2)[5]
    Runtime::new().with(|py| {
        let t = py.tuple([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
        let l = py.list([py.int(2).unwrap()]).unwrap();
        assert_eq!(
            t.add(&l).unwrap_err().to_string(),
            "TypeError: can only concatenate tuple (not \"list\") to tuple"
        );
        assert_eq!(
            t.mul(&py.float(2.0).unwrap()).unwrap_err().to_string(),
            "TypeError: can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(
            t.get_item(5).unwrap_err().to_string(),
            "IndexError: tuple index out of range"
        );
        assert_eq!(
            t.mul(&py.int(2).unwrap()).unwrap().repr().unwrap(),
            "(1, 2, 1, 2)"
        );
    });
}
