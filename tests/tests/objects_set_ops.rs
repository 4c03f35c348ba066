//! Set algebra against CPython 3.12.1 (`PYTHONHASHSEED=0`): symmetric difference, the
//! in-place updates and the subset tests, with the repr (table order) and size CPython printed
//! for the Python quoted next to each case, and a model test of random update programs.

use std::collections::BTreeSet;

use proptest::prelude::*;
use pyrt::{Bound, PySet, Python, Runtime, SetLike};

fn empty<'py>(py: Python<'py>) -> Bound<'py, PySet> {
    py.set(Vec::<Bound<'py>>::new()).unwrap()
}

fn ints<'py>(py: Python<'py>, range: impl Iterator<Item = i64>) -> Vec<Bound<'py, pyrt::PyInt>> {
    range.map(|i| py.int(i).unwrap()).collect()
}

/// `set(range(lo, hi, step))`: added one by one.
fn range<'py>(py: Python<'py>, lo: i64, hi: i64, step: usize) -> Bound<'py, PySet> {
    py.set(ints(py, (lo..hi).step_by(step))).unwrap()
}

/// `set('abc...')`: one str per character, added one by one.
fn chars<'py>(py: Python<'py>, text: &str) -> Bound<'py, PySet> {
    py.set(text.chars().map(|c| py.str(&c.to_string()).unwrap()))
        .unwrap()
}

/// The repr CPython prints for a set of ints iterating in this order.
fn int_repr(items: impl IntoIterator<Item = i64>) -> String {
    let parts: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    format!("{{{}}}", parts.join(", "))
}

fn repr_and_size<T: SetLike>(s: &Bound<'_, T>) -> (String, usize) {
    (s.repr().unwrap(), s.getsizeof())
}

/// `a ^ b`: its repr and size.
fn xor<'py>(a: &Bound<'py, PySet>, b: &Bound<'py, PySet>) -> (String, usize) {
    repr_and_size(&a.symmetric_difference(b).unwrap())
}

/// `s ^= other`, then the repr and size of `s`.
fn ixor<'py>(s: Bound<'py, PySet>, other: &Bound<'py, PySet>) -> (String, usize) {
    s.symmetric_difference_update(other).unwrap();
    repr_and_size(&s)
}

/// `s &= other`, then the repr and size of `s`.
fn iand<'py>(s: Bound<'py, PySet>, other: &Bound<'py, PySet>) -> (String, usize) {
    s.intersection_update(other).unwrap();
    repr_and_size(&s)
}

/// `s -= other`, then the repr and size of `s`.
fn isub<'py>(s: Bound<'py, PySet>, other: &Bound<'py, PySet>) -> (String, usize) {
    s.difference_update(other).unwrap();
    repr_and_size(&s)
}

#[test]
fn symmetric_difference_copies_the_right_operand_like_cpython() {
    Runtime::new().with(|py| {
        let r = |lo, hi| range(py, lo, hi, 1);
        // set(range(1, 5)) ^ set(range(3, 7)): 1 is the 5th item in {3, 4, 5, 6}'s table of 8.
        assert_eq!(xor(&r(1, 5), &r(3, 7)), ("{1, 2, 5, 6}".into(), 728));
        // set(range(10)) ^ {100}: the copy of {100} has 100 in slot 4 before 0..9 arrive.
        let hundred = py.set([py.int(100).unwrap()]).unwrap();
        assert_eq!(
            xor(&r(0, 10), &hundred),
            ("{0, 1, 2, 3, 100, 4, 5, 6, 7, 8, 9}".into(), 728)
        );
        // {100} ^ set(range(10))
        assert_eq!(
            xor(&hundred, &r(0, 10)),
            ("{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 100}".into(), 728)
        );
        // set(range(30)) ^ set(range(20, 50)): 256 slots.
        assert_eq!(
            xor(&r(0, 30), &r(20, 50)),
            (int_repr((0..20).chain(30..50)), 4312)
        );
        // set(range(100)) ^ set(range(50, 130))
        assert_eq!(
            xor(&r(0, 100), &r(50, 130)),
            (int_repr((0..50).chain(100..130)), 4312)
        );
        // set(range(0, 200, 7)) ^ set(range(100, 300, 11)) and the other way round
        let (a, b) = (range(py, 0, 200, 7), range(py, 100, 300, 11));
        let head = "{0, 7, 265, 14, 276, 21, 28, 287, 35, ";
        let tail = "49, 56, 63, 70, 77, 84, 91, 98, 100, 105, 111, 112, 119, 122, 126, 140, 144, \
                    147, 154, 155, 161, 166, 168, 175, 177, 182, 188, 189, 196, 199, 210, 221, \
                    232, 243, 254}";
        assert_eq!(xor(&a, &b), (format!("{head}298, 42, {tail}"), 4312));
        assert_eq!(xor(&b, &a), (format!("{head}42, 298, {tail}"), 4312));
        // set(range(-20, 60, 3)) ^ set(range(-20, 60, 6))
        assert_eq!(
            xor(&range(py, -20, 60, 3), &range(py, -20, 60, 6)),
            (
                "{1, 7, 13, 19, 25, 31, 37, 43, -17, 49, -11, 55, -5}".into(),
                1240
            )
        );
        // set(range(10)) ^ set(range(10)), and s ^ s: empty, but the copy's 32 slots stay.
        assert_eq!(xor(&r(0, 10), &r(0, 10)), ("set()".into(), 728));
        let s = r(0, 10);
        assert_eq!(xor(&s, &s), ("set()".into(), 728));
        // set('abcdefgh') ^ set('efghijkl')
        assert_eq!(
            xor(&chars(py, "abcdefgh"), &chars(py, "efghijkl")),
            ("{'d', 'k', 'b', 'i', 'c', 'a', 'j', 'l'}".into(), 728)
        );
        // set([1, 'a', 2, 'b']) ^ set(['a', 3, 'c', 1])
        let mixed = |items: [&str; 4]| {
            py.set(items.map(|x| match x.parse::<i64>() {
                Ok(i) => py.int(i).unwrap().into_any(),
                Err(_) => py.str(x).unwrap().into_any(),
            }))
            .unwrap()
        };
        assert_eq!(
            xor(&mixed(["1", "a", "2", "b"]), &mixed(["a", "3", "c", "1"])),
            ("{2, 3, 'b', 'c'}".into(), 728)
        );
        // frozenset(range(8)) ^ set(range(4, 12)) is a frozenset; the other way round a set.
        let f = py.frozenset(ints(py, 0..8)).unwrap();
        let x = f.symmetric_difference(&r(4, 12)).unwrap();
        assert_eq!(
            repr_and_size(&x),
            ("frozenset({0, 1, 2, 3, 8, 9, 10, 11})".into(), 728)
        );
        let y = r(4, 12).symmetric_difference(&f).unwrap();
        assert_eq!(
            repr_and_size(&y),
            ("{0, 1, 2, 3, 8, 9, 10, 11}".into(), 728)
        );
        assert_eq!(
            x.hash().unwrap(),
            py.frozenset(y.elements()).unwrap().hash().unwrap()
        );
    });
}

#[test]
fn symmetric_difference_update_matches_cpython() {
    Runtime::new().with(|py| {
        let r = |lo, hi| range(py, lo, hi, 1);
        // s = set(range(4)); s ^= set(range(2, 8))
        assert_eq!(ixor(r(0, 4), &r(2, 8)), ("{0, 1, 4, 5, 6, 7}".into(), 472));
        // s = set(range(10)); s.symmetric_difference_update(set(range(5, 25)))
        assert_eq!(
            ixor(r(0, 10), &r(5, 25)),
            (int_repr((0..5).chain(10..25)), 1240)
        );
        // s = set(range(50)); s.symmetric_difference_update(set(range(40, 120)))
        assert_eq!(
            ixor(r(0, 50), &r(40, 120)),
            (int_repr((0..40).chain(50..120)), 8408)
        );
        // s = set(range(-20, 60, 3)); s ^= set(range(0, 100, 2))
        let expected = int_repr(
            (0..=54)
                .step_by(6)
                .flat_map(|i| [i, i + 1, i + 2])
                .chain((60..100).step_by(2))
                .chain((-20..0).step_by(3)),
        );
        assert_eq!(
            ixor(range(py, -20, 60, 3), &range(py, 0, 100, 2)),
            (expected, 2264)
        );
        // s = set(range(20)); s.symmetric_difference_update(s): cleared.
        let s = r(0, 20);
        s.symmetric_difference_update(&s).unwrap();
        assert_eq!(repr_and_size(&s), ("set()".into(), 216));
        // s = set(range(8)); s ^= set(range(8)); then s ^= set(range(8, 0, -1)): the second
        // pass reuses dummies, the last dummy met on each probe.
        let s = r(0, 8);
        s.symmetric_difference_update(&r(0, 8)).unwrap();
        assert_eq!(repr_and_size(&s), ("set()".into(), 728));
        s.symmetric_difference_update(&py.set(ints(py, (1..=8).rev())).unwrap())
            .unwrap();
        assert_eq!(repr_and_size(&s), ("{4, 3, 2, 1, 5, 6, 7, 8}".into(), 728));
        // s = set('abcdefghij'); s ^= set('fghijklmnop')
        assert_eq!(
            ixor(chars(py, "abcdefghij"), &chars(py, "fghijklmnop")),
            (
                "{'d', 'n', 'p', 'k', 'b', 'c', 'a', 'm', 'o', 'e', 'l'}".into(),
                728
            )
        );
        // s = set('abcdef'); s ^= frozenset('defghijklmnopqrstuvwxyz'): past 19 items.
        let s = chars(py, "abcdef");
        let letters: Vec<_> = ('d'..='z')
            .map(|c| py.str(&c.to_string()).unwrap())
            .collect();
        s.symmetric_difference_update(&py.frozenset(letters).unwrap())
            .unwrap();
        assert_eq!(
            repr_and_size(&s),
            (
                "{'z', 'r', 'a', 'v', 'o', 'j', 'x', 'g', 'k', 'p', 'y', 'n', 'b', 'm', 'q', \
                 'u', 's', 'h', 't', 'i', 'c', 'w', 'l'}"
                    .into(),
                2264
            )
        );
    });
}

#[test]
fn intersection_update_swaps_in_the_intersections_table_like_cpython() {
    Runtime::new().with(|py| {
        let r = |lo, hi| range(py, lo, hi, 1);
        // s = set(range(100)); s &= set(range(95, 105)): 512 slots become 32.
        assert_eq!(
            iand(r(0, 100), &r(95, 105)),
            ("{96, 97, 98, 99, 95}".into(), 728)
        );
        // s = set(range(5)); s.intersection_update(s): the copy presizes to 16 slots.
        let s = r(0, 5);
        assert_eq!(s.getsizeof(), 728);
        s.intersection_update(&s).unwrap();
        assert_eq!(repr_and_size(&s), ("{0, 1, 2, 3, 4}".into(), 472));
        // s = set(range(30)); s.intersection_update(set(range(10, 60))): 20 added one by one.
        assert_eq!(iand(r(0, 30), &r(10, 60)), (int_repr(10..30), 2264));
        // s = set(range(200)); s.intersection_update(frozenset(range(100, 400)))
        let s = r(0, 200);
        s.intersection_update(&py.frozenset(ints(py, 100..400)).unwrap())
            .unwrap();
        assert_eq!(repr_and_size(&s), (int_repr(100..200), 8408));
        // s = set(range(40)); s &= set(range(35, 0, -1))
        let down = py.set(ints(py, (1..=35).rev())).unwrap();
        assert_eq!(iand(r(0, 40), &down), (int_repr(1..=35), 2264));
        // s = set(range(0, 200, 7)); s &= set(range(0, 300, 3))
        assert_eq!(
            iand(range(py, 0, 200, 7), &range(py, 0, 300, 3)),
            ("{0, 168, 105, 42, 147, 84, 21, 189, 126, 63}".into(), 728)
        );
        // s = set(range(3)); s &= set()
        assert_eq!(iand(r(0, 3), &empty(py)), ("set()".into(), 216));
        // s = set('abcdefghij'); s &= set('fghijklmnop')
        assert_eq!(
            iand(chars(py, "abcdefghij"), &chars(py, "fghijklmnop")),
            ("{'f', 'g', 'h', 'i', 'j'}".into(), 728)
        );
        // s = set('abcdefghijklmnopqrstuvwxyz'); s &= frozenset('aeiouy')
        let s = chars(py, "abcdefghijklmnopqrstuvwxyz");
        let vowels: Vec<_> = "aeiouy"
            .chars()
            .map(|c| py.str(&c.to_string()).unwrap())
            .collect();
        s.intersection_update(&py.frozenset(vowels).unwrap())
            .unwrap();
        assert_eq!(
            repr_and_size(&s),
            ("{'y', 'u', 'i', 'a', 'o', 'e'}".into(), 728)
        );
    });
}

#[test]
fn difference_update_rebuilds_past_a_quarter_of_dummies_like_cpython() {
    Runtime::new().with(|py| {
        let r = |lo, hi| range(py, lo, hi, 1);
        // s = set(range(300)); s.difference_update(set(range(k))): 512 slots, mask 511; 127
        // dummies stay, 128 (> 511 // 4) rebuild at 4 × 172 = 688 -> 1024 slots.
        assert_eq!(isub(r(0, 300), &r(0, 127)), (int_repr(127..300), 8408));
        assert_eq!(isub(r(0, 300), &r(0, 128)), (int_repr(128..300), 16600));
        // s = set(range(4)); s.difference_update(set(range(2))): 2 dummies > 7 // 4: 16 slots.
        assert_eq!(isub(r(0, 4), &r(0, 2)), ("{2, 3}".into(), 472));
        // s = set(range(4)); s.difference_update(set(range(1))): 1 dummy stays.
        assert_eq!(isub(r(0, 4), &r(0, 1)), ("{1, 2, 3}".into(), 216));
        // ... then s.add(10); s.add(11): 10 takes slot 2's probe chain, 11 fills slot 3's.
        let s = r(0, 4);
        s.difference_update(&r(0, 1)).unwrap();
        for i in [10, 11] {
            s.insert(&py.int(i).unwrap()).unwrap();
        }
        assert_eq!(repr_and_size(&s), ("{1, 2, 3, 10, 11}".into(), 728));
        // s = set(range(10)); s -= set(range(100)): 100 >> 3 > 10, so s & other is removed;
        // 10 dummies > 31 // 4 rebuild at size 8: the inline table.
        assert_eq!(isub(r(0, 10), &r(0, 100)), ("set()".into(), 216));
        // s = set(range(10)); s -= set(range(5, 100)): 5 dummies stay.
        assert_eq!(isub(r(0, 10), &r(5, 100)), ("{0, 1, 2, 3, 4}".into(), 728));
        // s = set(range(20)); s -= set(range(5))
        assert_eq!(isub(r(0, 20), &r(0, 5)), (int_repr(5..20), 2264));
        // s = set(range(40)); s.difference_update(set(range(0, 40, 2)))
        assert_eq!(
            isub(r(0, 40), &range(py, 0, 40, 2)),
            (int_repr((1..40).step_by(2)), 2264)
        );
        // s = set(range(-20, 60, 3)); s -= set(range(-50, 1000, 4)): the 8x path.
        assert_eq!(
            isub(range(py, -20, 60, 3), &range(py, -50, 1000, 4)),
            (
                "{1, 4, 7, 13, 16, 19, 25, 28, 31, 37, 40, 43, 49, 52, 55, -20, -17, -11, -8, -5}"
                    .into(),
                2264
            )
        );
        // s = set(range(-20, 60, 3)); s -= set(range(-20, 60, 6))
        assert_eq!(
            isub(range(py, -20, 60, 3), &range(py, -20, 60, 6)),
            (
                "{1, 7, 13, 19, 25, 31, 37, 43, 49, 55, -17, -11, -5}".into(),
                2264
            )
        );
        // ... while set(range(-20, 60, 3)) - set(range(-20, 60, 6)) is built one by one.
        let d = range(py, -20, 60, 3)
            .difference(&range(py, -20, 60, 6))
            .unwrap();
        assert_eq!(
            repr_and_size(&d),
            (
                "{1, 37, 7, 43, 13, -17, 49, 19, -11, 55, 25, -5, 31}".into(),
                728
            )
        );
        // s = set(range(20)); s -= s
        let s = r(0, 20);
        s.difference_update(&s).unwrap();
        assert_eq!(repr_and_size(&s), ("set()".into(), 216));
        // s = set('abcdefghijklmnop'); s -= set('aeiou')
        assert_eq!(
            isub(chars(py, "abcdefghijklmnop"), &chars(py, "aeiou")),
            (
                "{'d', 'f', 'n', 'g', 'h', 'p', 'k', 'b', 'c', 'm', 'j', 'l'}".into(),
                728
            )
        );
    });
}

#[test]
fn subset_tests_and_result_kinds_match_cpython() {
    Runtime::new().with(|py| {
        let r = |lo, hi| range(py, lo, hi, 1);
        // set(range(3)) <= set(range(5)), set(range(5)).issuperset(set(range(3))),
        // set(range(3)).isdisjoint(set(range(3, 6))), set(range(3)).isdisjoint(set(range(2, 6)))
        assert!(r(0, 3).issubset(&r(0, 5)).unwrap());
        assert!(r(0, 5).issuperset(&r(0, 3)).unwrap());
        assert!(!r(0, 5).issubset(&r(0, 3)).unwrap());
        assert!(r(0, 3).isdisjoint(&r(3, 6)).unwrap());
        assert!(!r(0, 3).isdisjoint(&r(2, 6)).unwrap());
        let (e, s) = (empty(py), r(0, 1));
        assert!(e.isdisjoint(&e).unwrap() && !s.isdisjoint(&s).unwrap());
        // f = frozenset(range(10)); s = set(range(5, 15)): type(f & s), type(s - f)
        // are frozenset and set; hash(frozenset(range(5, 10))) == hash(f & s).
        let f = py.frozenset(ints(py, 0..10)).unwrap();
        let s = r(5, 15);
        let both = f.intersection(&s).unwrap();
        assert_eq!(
            (both.type_name(), s.difference(&f).unwrap().type_name()),
            ("frozenset", "set")
        );
        assert_eq!(
            both.hash().unwrap(),
            py.frozenset(ints(py, 5..10)).unwrap().hash().unwrap()
        );
        assert!(f.issuperset(&both).unwrap() && both.issubset(&s).unwrap());
    });
}

/// An element of the model tests: an int, or the str `'s<n>'`.
#[derive(Debug, Clone, Copy)]
enum Elem {
    Int(i64),
    Str(i64),
}

impl Elem {
    fn repr(self) -> String {
        match self {
            Elem::Int(i) => i.to_string(),
            Elem::Str(i) => format!("'s{i}'"),
        }
    }
}

fn elem() -> impl Strategy<Value = Elem> {
    prop_oneof![
        3 => (-40i64..120).prop_map(Elem::Int),
        1 => (0i64..40).prop_map(Elem::Str),
    ]
}

/// The other operand of an operation: its elements, whether it is a frozenset, and whether
/// the operation is applied to the set itself instead (`s ^= s`).
type Operand = (Vec<Elem>, bool, bool);

#[derive(Debug, Clone)]
enum SetOp {
    Add(Elem),
    Discard(Elem),
    SymmetricDifference(Operand),
    SymmetricDifferenceUpdate(Operand),
    IntersectionUpdate(Operand),
    DifferenceUpdate(Operand),
}

fn operand() -> impl Strategy<Value = Operand> {
    (
        prop::collection::vec(elem(), 0..90),
        any::<bool>(),
        prop::bool::weighted(0.05),
    )
}

/// Applies one operation to `s`, and the same to the model.
fn apply<'py>(
    py: Python<'py>,
    s: &Bound<'py, PySet>,
    model: &mut BTreeSet<String>,
    op: &SetOp,
) -> Result<(), TestCaseError> {
    let obj = |e: Elem| match e {
        Elem::Int(i) => py.int(i).unwrap().into_any(),
        Elem::Str(i) => py.str(&format!("s{i}")).unwrap().into_any(),
    };
    let contents = |set: &Bound<'py, PySet>| -> BTreeSet<String> {
        set.elements().iter().map(|e| e.repr().unwrap()).collect()
    };
    let (items, frozen, itself) = match op {
        SetOp::Add(e) => {
            s.insert(&obj(*e)).unwrap();
            model.insert(e.repr());
            return Ok(());
        }
        SetOp::Discard(e) => {
            prop_assert_eq!(s.discard(&obj(*e)).unwrap(), model.remove(&e.repr()));
            return Ok(());
        }
        SetOp::SymmetricDifference(o)
        | SetOp::SymmetricDifferenceUpdate(o)
        | SetOp::IntersectionUpdate(o)
        | SetOp::DifferenceUpdate(o) => o,
    };
    let other_model: BTreeSet<String> = if *itself {
        model.clone()
    } else {
        items.iter().map(|e| e.repr()).collect()
    };
    let other = if *itself {
        s.clone()
    } else {
        py.set(items.iter().map(|e| obj(*e))).unwrap()
    };
    let frozen_other = py.frozenset(other.elements()).unwrap();
    macro_rules! with_other {
        ($f:expr) => {
            if *frozen && !*itself {
                $f(&frozen_other)
            } else {
                $f(&other)
            }
        };
    }
    match op {
        SetOp::SymmetricDifference(_) => {
            let x = with_other!(|o| s.symmetric_difference(o)).unwrap();
            let expected: BTreeSet<String> =
                model.symmetric_difference(&other_model).cloned().collect();
            prop_assert_eq!(contents(&x), expected);
            prop_assert_eq!(x.type_name(), "set");
            prop_assert!(with_other!(|o| s.issubset(o)).unwrap() == model.is_subset(&other_model));
            prop_assert!(
                with_other!(|o| s.isdisjoint(o)).unwrap() == model.is_disjoint(&other_model)
            );
        }
        SetOp::SymmetricDifferenceUpdate(_) => {
            with_other!(|o| s.symmetric_difference_update(o)).unwrap();
            *model = model.symmetric_difference(&other_model).cloned().collect();
        }
        SetOp::IntersectionUpdate(_) => {
            with_other!(|o| s.intersection_update(o)).unwrap();
            *model = model.intersection(&other_model).cloned().collect();
        }
        SetOp::DifferenceUpdate(_) => {
            with_other!(|o| s.difference_update(o)).unwrap();
            *model = model.difference(&other_model).cloned().collect();
        }
        SetOp::Add(_) | SetOp::Discard(_) => unreachable!(),
    }
    if !*itself {
        prop_assert_eq!(contents(&other), other_model, "the operand is unchanged");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(128)))]

    #[test]
    fn random_set_algebra_programs_match_a_model(ops in prop::collection::vec(prop_oneof![
        4 => elem().prop_map(SetOp::Add),
        2 => elem().prop_map(SetOp::Discard),
        1 => operand().prop_map(SetOp::SymmetricDifference),
        2 => operand().prop_map(SetOp::SymmetricDifferenceUpdate),
        1 => operand().prop_map(SetOp::IntersectionUpdate),
        1 => operand().prop_map(SetOp::DifferenceUpdate),
    ], 1..60)) {
        Runtime::new().with(|py| {
            let s = empty(py);
            let mut model = BTreeSet::new();
            for op in &ops {
                apply(py, &s, &mut model, op)?;
                let got: BTreeSet<String> = s.elements().iter().map(|e| e.repr().unwrap()).collect();
                prop_assert_eq!(&got, &model);
                prop_assert_eq!(s.len().unwrap(), model.len());
                let size = s.getsizeof();
                prop_assert!(size == 216 || (size - 216).is_power_of_two() && size - 216 >= 256, "size {}", size);
            }
            Ok(())
        })?;
    }
}
