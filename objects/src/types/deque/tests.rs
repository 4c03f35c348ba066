//! Operation programs on deques against a `VecDeque` model: contents, `__sizeof__` (the
//! blocks in use, as CPython counts them) and the layout's invariants after every step.

use std::collections::VecDeque;

use super::*;
use crate::types::long;

/// A deque's items as numbers.
fn values(heap: &Heap, d: &Deque) -> Vec<i64> {
    items(heap, d)
        .iter()
        .map(|o| long::as_i64(long::Int::cast(o.object()).unwrap()).unwrap())
        .collect()
}

/// CPython's block count for a deque whose first item sits at `leftindex`.
fn blocks(leftindex: isize, n: usize) -> usize {
    (leftindex as usize + n).div_ceil(BLOCKLEN)
}

#[test]
fn programs_match_a_model_and_keep_the_invariants() {
    let heap = Heap::new();
    {
        let mut seed: u64 = 12345;
        let mut rand = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for program in 0..8 {
            let obj = new_deque(&heap).unwrap();
            let d = Deque::cast(obj.object()).unwrap();
            let bound = (program % 2 == 1).then_some(50 + program);
            set_maxlen(d, bound);
            let mut model: VecDeque<i64> = VecDeque::new();
            for step in 0..600_i64 {
                let n = model.len();
                let item = long::int_from_i64(&heap, step).unwrap();
                match rand(9) {
                    0 | 1 => {
                        append(&heap, d, item).unwrap();
                        model.push_back(step);
                        if bound.is_some_and(|m| model.len() > m) {
                            model.pop_front();
                        }
                    }
                    2 | 3 => {
                        appendleft(&heap, d, item).unwrap();
                        model.push_front(step);
                        if bound.is_some_and(|m| model.len() > m) {
                            model.pop_back();
                        }
                    }
                    4 => {
                        assert_eq!(pop(&heap, d).is_ok(), model.pop_back().is_some());
                    }
                    5 => {
                        assert_eq!(popleft(&heap, d).is_ok(), model.pop_front().is_some());
                    }
                    6 => {
                        let k = rand(200) as isize - 100;
                        rotate(&heap, d, k).unwrap();
                        if n > 0 {
                            let k = k.rem_euclid(n as isize) as usize;
                            model.rotate_right(k);
                        }
                    }
                    7 if n > 0 => {
                        let i = rand(n as u64) as isize;
                        del_item(&heap, d, i).unwrap();
                        model.remove(i as usize);
                    }
                    _ => {
                        reverse(d);
                        model.make_contiguous().reverse();
                    }
                }
                check_invariants(d);
                assert_eq!(values(&heap, d), Vec::from(model.clone()), "step {step}");
                let expected = 216 + BLOCK_SIZE * blocks(header(d).leftindex.get(), model.len());
                assert_eq!(deque_sizeof(d), expected);
            }
            clear(&heap, d);
            check_invariants(d);
            assert_eq!(deque_sizeof(d), 216 + BLOCK_SIZE);
        }
    }
    heap.collect(2).unwrap();
}

#[test]
fn an_empty_deque_is_one_block_and_the_type_has_cpythons_sizes() {
    let heap = Heap::new();
    {
        let obj = new_deque(&heap).unwrap();
        assert_eq!(DEQUE_TYPE.get().basicsize(), 216);
        assert_eq!(crate::abstract_::getsizeof(obj.object()), 760);
        assert!(heap.is_tracked(obj.object()));
        let d = Deque::cast(obj.object()).unwrap();
        for i in 0..100 {
            append(&heap, d, long::int_from_i64(&heap, i).unwrap()).unwrap();
        }
        // `deque(range(100))` fills from the block's left end: 1288 in CPython; appends from
        // the centre need three blocks.
        assert_eq!(
            crate::abstract_::getsizeof(obj.object()),
            216 + 3 * 528 + 16
        );
        let fresh = new_deque(&heap).unwrap();
        let range = crate::types::list::new_list(&heap, items(&heap, d)).unwrap();
        extend(&heap, Deque::cast(fresh.object()).unwrap(), range.object()).unwrap();
        assert_eq!(crate::abstract_::getsizeof(fresh.object()), 1288);
    }
    heap.collect(2).unwrap();
}
