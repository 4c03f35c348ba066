//! Property tests of the str operations that work on ASCII bytes in place (`split`, `rsplit`,
//! `replace`, `join`, `count`, `upper`, `lower`) and of concatenation, which copies code units
//! of every kind: random texts over small alphabets (so separators match often) of each kind,
//! the results checked against a model (Rust's own `str` operations, which agree with
//! Python's on these), with `sys.getsizeof`'s size of the result. Non-ASCII texts run the
//! general paths, so the same properties compare the two.

use proptest::prelude::*;

use super::*;
use crate::heap::Heap;
use crate::types::list::{self, List};
use crate::types::unicode::{self, Str};

/// A text over a small alphabet: ASCII only, or with Latin-1, UCS-2 or UCS-4 characters.
fn text() -> impl Strategy<Value = String> {
    let alphabet = prop::sample::select(vec![
        "ab:-".to_owned(),
        "ab:é".to_owned(),
        "a:\u{410}".to_owned(),
        "a:\u{1f600}".to_owned(),
    ]);
    (alphabet, prop::collection::vec(0usize..4, 0..24)).prop_map(|(abc, picks)| {
        let chars: Vec<char> = abc.chars().collect();
        picks.iter().map(|&i| chars[i % chars.len()]).collect()
    })
}

/// A short needle over the same kinds of alphabet (possibly empty).
fn needle() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        ":",
        "a",
        "ab",
        "a:",
        "::",
        "é",
        "\u{410}",
        "\u{1f600}",
    ])
    .prop_map(str::to_owned)
}

fn new<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
    unicode::new_str(heap, text).unwrap()
}

fn as_str(o: &Obj<'_>) -> String {
    unicode::str_value(Str::cast(o.object()).unwrap())
}

fn pieces(o: &Obj<'_>) -> Vec<String> {
    let l = List::cast(o.object()).unwrap();
    list::items(l)
        .iter()
        // SAFETY: the list's items are live strings while the list is.
        .map(|p| unicode::str_value(Str::cast(unsafe { p.as_ref() }).unwrap()))
        .collect()
}

/// Whether `o`'s `sys.getsizeof` is CPython's for a compact string of `text`. A one-character
/// Latin-1 result may be the cached singleton (61 bytes: it also keeps its 2-byte UTF-8 form,
/// when the result is an operand returned unchanged) or a fresh string (58).
fn size_is_cpythons(o: &Obj<'_>, text: &str) -> bool {
    let size = crate::abstract_::sizeof(o.object());
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && (0x80..0x100).contains(&u32::from(c))
    {
        return size == 58 || size == 61;
    }
    size == cpython_sizeof(text)
}

/// CPython's `sys.getsizeof` of a fresh compact string: the header, then `len + 1` units.
fn cpython_sizeof(text: &str) -> usize {
    let n = text.chars().count();
    match text.chars().map(u32::from).max().unwrap_or(0) {
        0..=0x7f => 40 + n + 1,
        0x80..=0xff => 56 + n + 1,
        0x100..=0xffff => 56 + 2 * (n + 1),
        _ => 56 + 4 * (n + 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn split_and_rsplit_cut_where_python_does(s in text(), sep in needle(), max in -1isize..4) {
        prop_assume!(!sep.is_empty());
        let heap = Heap::new();
        let (so, sepo) = (new(&heap, &s), new(&heap, &sep));
        let maxo = crate::types::long::int_from_i64(&heap, max as i64).unwrap();
        let st = Str::cast(so.object()).unwrap();
        let got = pieces(&split(&heap, st, Some(sepo.object()), Some(maxo.object())).unwrap());
        let want: Vec<String> = if max < 0 {
            s.split(sep.as_str()).map(str::to_owned).collect()
        } else {
            s.splitn(max as usize + 1, sep.as_str()).map(str::to_owned).collect()
        };
        prop_assert_eq!(got, want);
        let got = pieces(&rsplit(&heap, st, Some(sepo.object()), Some(maxo.object())).unwrap());
        let mut want: Vec<String> = if max < 0 {
            s.rsplit(sep.as_str()).map(str::to_owned).collect()
        } else {
            s.rsplitn(max as usize + 1, sep.as_str()).map(str::to_owned).collect()
        };
        want.reverse();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn replace_and_count_match_python(s in text(), from in needle(), to in needle(), max in -1isize..3) {
        let heap = Heap::new();
        let (so, fo, to_o) = (new(&heap, &s), new(&heap, &from), new(&heap, &to));
        let co = crate::types::long::int_from_i64(&heap, max as i64).unwrap();
        let st = Str::cast(so.object()).unwrap();
        let r = replace(&heap, st, fo.object(), to_o.object(), Some(co.object())).unwrap();
        let want = if max < 0 { s.replace(&from, &to) } else { s.replacen(&from, &to, max as usize) };
        prop_assert_eq!(as_str(&r), want.clone());
        prop_assert!(size_is_cpythons(&r, &want));
        let at = |o: Obj<'_>| crate::types::long::object_as_i64(o.object());
        let want_at = |i: Option<usize>| Some(i.map_or(-1, |b| s[..b].chars().count() as i64));
        let got = at(find(&heap, st, fo.object(), None, None).unwrap());
        prop_assert_eq!(got, want_at(s.find(from.as_str())));
        let got = at(rfind(&heap, st, fo.object(), None, None).unwrap());
        prop_assert_eq!(got, want_at(s.rfind(from.as_str())));
        let n = count(&heap, st, fo.object(), None, None).unwrap();
        prop_assert_eq!(crate::types::long::object_as_i64(n.object()), Some(s.matches(from.as_str()).count() as i64));
    }

    #[test]
    fn join_concat_and_case_match_python(parts in prop::collection::vec(text(), 0..5), sep in needle()) {
        let heap = Heap::new();
        let items: Vec<Obj<'_>> = parts.iter().map(|p| new(&heap, p)).collect();
        let sepo = new(&heap, &sep);
        let joined = crate::types::unicode_join::join_array(&heap, Str::cast(sepo.object()).unwrap(), &items).unwrap();
        let want = parts.join(&sep);
        prop_assert_eq!(as_str(&joined), want.clone());
        prop_assert!(size_is_cpythons(&joined, &want));
        for pair in items.windows(2) {
            let (a, b) = (Str::cast(pair[0].object()).unwrap(), Str::cast(pair[1].object()).unwrap());
            let sum = unicode::concat(&heap, a, b).unwrap();
            let want = as_str(&pair[0]) + &as_str(&pair[1]);
            prop_assert_eq!(as_str(&sum), want.clone());
            prop_assert!(size_is_cpythons(&sum, &want));
            if want.is_ascii() {
                let up = upper(&heap, a).unwrap();
                prop_assert_eq!(as_str(&up), as_str(&pair[0]).to_ascii_uppercase());
                let low = lower(&heap, Str::cast(up.object()).unwrap()).unwrap();
                prop_assert_eq!(as_str(&low), as_str(&pair[0]).to_ascii_lowercase());
            }
        }
    }
}

#[test]
fn concat_with_the_empty_string_is_the_other_operand() {
    let heap = Heap::new();
    let (a, e) = (new(&heap, "abc"), new(&heap, ""));
    let (sa, se) = (
        Str::cast(a.object()).unwrap(),
        Str::cast(e.object()).unwrap(),
    );
    assert!(unicode::concat(&heap, sa, se).unwrap().is(&a));
    assert!(unicode::concat(&heap, se, sa).unwrap().is(&a));
}
