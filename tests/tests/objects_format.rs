//! `format(value, spec)` against CPython 3.12.1: examples whose expectations were printed by
//! `python3.12`, and a deterministic cross-check of a few thousand generated (value, spec) pairs
//! run through a live CPython 3.12 in one process, comparing every line, errors included; each
//! pair is one cross-check. Without CPython (see [`pyrt_tests::cpython`]) the pairs count as
//! skipped.

use pyrt_objects::format::{Conversion, format, format_field};
use pyrt_objects::long_digits::LongValue;
use pyrt_objects::types::{bytes, complex, float, list, long, none, tuple, unicode};
use pyrt_objects::{Heap, Obj};
use pyrt_tests::cross_check;

/// The result as the cross-check's Python prints it: `repr(result)`, or `Type: message` (just
/// `Type` for an exception without message).
fn show(heap: &Heap, r: pyrt_objects::PyResult<String>) -> String {
    match r {
        Ok(text) => {
            let s = unicode::new_str(heap, &text).unwrap();
            pyrt_objects::abstract_::repr(heap, s.object()).unwrap()
        }
        Err(e) => e.to_string(),
    }
}

fn int<'h>(heap: &'h Heap, decimal: &str) -> Obj<'h> {
    long::new_int(heap, &LongValue::parse(decimal).unwrap()).unwrap()
}

#[test]
fn f_string_examples_match_cpython() {
    // Each expectation is what `PYENV_VERSION=3.12.1 python3.12` printed for the same call.
    let heap = Heap::new();
    let h = &heap;
    let x = float::new_float(h, 1234567.891).unwrap();
    let n = int(h, "-1234567");
    let s = unicode::new_str(h, "héllo").unwrap();
    let c = complex::new_complex(h, 1.5, -2.25).unwrap();
    let cases: [(&Obj<'_>, &str, &str); 16] = [
        (&x, ",.2f", "'1,234,567.89'"),
        (&x, ">20_.3e", "'           1.235e+06'"),
        (&x, "%", "'123456789.100000%'"),
        (&x, "", "'1234567.891'"),
        (
            &x,
            "d",
            "ValueError: Unknown format code 'd' for object of type 'float'",
        ),
        (&n, ",", "'-1,234,567'"),
        (&n, "#_x", "'-0x12_d687'"),
        (&n, "0=+14,d", "'-0,001,234,567'"),
        (
            &n,
            ".2",
            "ValueError: Precision not allowed in integer format specifier",
        ),
        (&s, "*^9.4", "'**héll***'"),
        (&s, ",", "ValueError: Cannot specify ',' with 's'."),
        (
            &s,
            "+",
            "ValueError: Sign not allowed in string format specifier",
        ),
        (
            &s,
            ">10>>",
            "ValueError: Invalid format specifier '>10>>' for object of type 'str'",
        ),
        (&c, "", "'(1.5-2.25j)'"),
        (&c, "^16.2f", "'   1.50-2.25j   '"),
        (
            &c,
            "=8",
            "ValueError: '=' alignment flag is not allowed in complex format specifier",
        ),
    ];
    for (v, spec, expected) in cases {
        assert_eq!(
            show(h, format(h, v.object(), spec)),
            expected,
            "spec {spec:?}"
        );
    }
    let l = list::new_list(h, vec![int(h, "1")]).unwrap();
    assert_eq!(
        show(h, format(h, l.object(), "x")),
        "TypeError: unsupported format string passed to list.__format__"
    );
    assert_eq!(show(h, format(h, l.object(), "")), "'[1]'");
    let t = long::new_bool(h, true);
    assert_eq!(show(h, format(h, t.object(), "")), "'True'");
    assert_eq!(show(h, format(h, t.object(), "05")), "'00001'");
    assert_eq!(
        show(
            h,
            format_field(h, s.object(), Some(Conversion::Ascii), "^11")
        ),
        r#""'h\\xe9llo' ""#
    );
}

#[test]
fn big_ints_format_in_every_base() {
    // 10**5000: decimal types hit the 4300-digit limit, the others do not.
    let heap = Heap::new();
    let big = LongValue::from_i64(10)
        .pow(&LongValue::from_i64(5000))
        .unwrap();
    let v = long::new_int(&heap, &big).unwrap();
    let limit = "ValueError: Exceeds the limit (4300 digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit";
    for spec in ["d", ",", "n", "10"] {
        assert_eq!(
            format(&heap, v.object(), spec).unwrap_err().to_string(),
            limit
        );
    }
    let hex = format(&heap, v.object(), "#_x").unwrap();
    assert!(hex.starts_with("0x3_1e20_8010_3651_0"), "{}", &hex[..20]);
    assert_eq!(hex.len(), 2 + 4153 + 4153 / 4);
    assert_eq!(
        format(&heap, v.object(), "e").unwrap_err().to_string(),
        "OverflowError: int too large to convert to float"
    );
    assert_eq!(
        format(&heap, v.object(), "c").unwrap_err().to_string(),
        "OverflowError: Python int too large to convert to C long"
    );
}

// ---------------------------------------------------------------------------------------------
// The cross-check.
// ---------------------------------------------------------------------------------------------

/// A deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A value of the cross-check, as pyrt builds it and as Python writes it.
enum Value {
    Int(String),
    Bool(bool),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    None,
    List,
    Tuple,
    Bytes,
}

impl Value {
    fn python(&self) -> String {
        let float = |x: f64| format!("F({})", x.to_bits());
        match self {
            Value::Int(d) => d.clone(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Float(x) => float(*x),
            Value::Complex(re, im) => format!("complex({}, {})", float(*re), float(*im)),
            Value::Str(s) => escaped(s),
            Value::None => "None".into(),
            Value::List => "[1]".into(),
            Value::Tuple => "(1, 'a')".into(),
            Value::Bytes => "b'a'".into(),
        }
    }

    /// The presentation types of the value's `__format__`.
    fn types(&self) -> &'static [char] {
        match self {
            Value::Int(_) | Value::Bool(_) => {
                &['b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'f', 'g', '%']
            }
            Value::Float(_) => &['e', 'E', 'f', 'F', 'g', 'G', 'n', '%'],
            Value::Complex(..) => &['e', 'E', 'f', 'F', 'g', 'G', 'n'],
            Value::Str(_) => &['s'],
            _ => &['s', 'd'],
        }
    }

    fn build<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        match self {
            Value::Int(d) => int(heap, d),
            Value::Bool(b) => long::new_bool(heap, *b),
            Value::Float(x) => float::new_float(heap, *x).unwrap(),
            Value::Complex(re, im) => complex::new_complex(heap, *re, *im).unwrap(),
            Value::Str(s) => unicode::new_str(heap, s).unwrap(),
            Value::None => none(heap),
            Value::List => list::new_list(heap, vec![int(heap, "1")]).unwrap(),
            Value::Tuple => {
                let items = vec![int(heap, "1"), unicode::new_str(heap, "a").unwrap()];
                tuple::new_tuple(heap, items).unwrap()
            }
            Value::Bytes => bytes::new_bytes(heap, b"a").unwrap(),
        }
    }
}

/// A Python string literal with every character escaped.
fn escaped(s: &str) -> String {
    let body: String = s.chars().map(|c| format!("\\U{:08x}", c as u32)).collect();
    format!("'{body}'")
}

fn values(rng: &mut Rng) -> Vec<Value> {
    let mut v: Vec<Value> = [
        "0",
        "1",
        "-1",
        "7",
        "42",
        "255",
        "-255",
        "65",
        "1234567",
        "-1234567",
        "2147483648",
        "100000000000000000000",
        "-10000000000000000000000000",
        "128512",
        "1114112",
        "1606938044258990275541962092341162602522202993782792835301376",
    ]
    .iter()
    .map(|d| Value::Int((*d).into()))
    .collect();
    for _ in 0..20 {
        let digits = 1 + rng.below(30);
        let mut d: String = (0..digits)
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect();
        d = d.trim_start_matches('0').to_owned();
        if d.is_empty() {
            d.push('0');
        }
        if rng.chance(40) {
            d.insert(0, '-');
        }
        v.push(Value::Int(d));
    }
    v.extend([Value::Bool(true), Value::Bool(false)]);
    let floats = [
        0.0,
        -0.0,
        1.0,
        0.5,
        1234567.891,
        -0.001,
        1e16,
        1e22,
        1e-5,
        123.456,
        2.5,
        0.1,
        -1.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        5e-324,
        f64::MAX,
        9.995,
        0.000123456,
    ];
    v.extend(floats.iter().map(|&x| Value::Float(x)));
    for _ in 0..20 {
        let x = if rng.chance(50) {
            f64::from_bits(rng.next() >> 2) * if rng.chance(50) { 1.0 } else { -1.0 }
        } else {
            (rng.below(2_000_000) as f64 - 1_000_000.0) / 10f64.powi(rng.below(8) as i32)
        };
        v.push(Value::Float(x));
    }
    let complexes = [
        (1.0, 2.0),
        (0.0, 1.0),
        (-0.0, 1.0),
        (0.0, -0.0),
        (-0.0, -0.0),
        (12345.5, -2.0),
        (1e20, 1.0),
        (f64::NAN, f64::INFINITY),
        (-1.25, 0.001),
    ];
    v.extend(complexes.iter().map(|&(re, im)| Value::Complex(re, im)));
    for s in [
        "",
        "a",
        "hello",
        "héllo",
        "😀abc",
        "Ünïcødé ſtring",
        "0",
        "-12",
    ] {
        v.push(Value::Str(s.into()));
    }
    v.extend([Value::None, Value::List, Value::Tuple, Value::Bytes]);
    v
}

/// A spec assembled from the grammar's parts, each present at random, now and then with a
/// character where it does not belong; the type is often one of `types`, those of the value.
fn spec(rng: &mut Rng, types: &[char]) -> String {
    let mut s = String::new();
    if rng.chance(35) {
        if rng.chance(50) {
            s.push(*rng.pick(&['*', '0', ' ', 'é', '😀', 'z', '#', '<', '1', ',', '_', '=']));
        }
        s.push(*rng.pick(&['<', '>', '=', '^']));
    }
    if rng.chance(20) {
        s.push(*rng.pick(&['+', '-', ' ']));
    }
    if rng.chance(10) {
        s.push('z');
    }
    if rng.chance(20) {
        s.push('#');
    }
    if rng.chance(20) {
        s.push('0');
    }
    if rng.chance(40) {
        s.push_str(&rng.below(26).to_string());
    }
    match rng.below(100) {
        0..15 => s.push(','),
        15..30 => s.push('_'),
        30..32 => s.push_str(",_"),
        32..34 => s.push_str("_,"),
        _ => {}
    }
    if rng.chance(30) {
        s.push('.');
        if !rng.chance(5) {
            s.push_str(&rng.below(21).to_string());
        }
    }
    match rng.below(100) {
        0..25 => {}
        25..70 => s.push(*rng.pick(types)),
        70..95 => s.push(*rng.pick(&[
            'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%', 's',
        ])),
        95..98 => s.push(*rng.pick(&['q', 'j', ',', 'é', '\u{1}', '\u{7f}', '.'])),
        _ => s.push_str("xy"),
    }
    s
}

#[test]
fn pyrt_and_cpython_agree_on_generated_specs() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let values = values(&mut rng);
    let mut specs: Vec<String> = Vec::new();
    let pairs: Vec<(usize, usize)> = (0..6000)
        .map(|i| {
            let v = rng.below(values.len() as u64) as usize;
            if i % 4 == 3 {
                // Now and then a spec made for another value.
                return (v, rng.below(specs.len() as u64) as usize);
            }
            specs.push(spec(&mut rng, values[v].types()));
            (v, specs.len() - 1)
        })
        .collect();

    let mut script = String::from(
        "import struct, sys\nsys.stdout.reconfigure(encoding='utf-8')\n\
         def F(bits): return struct.unpack('<d', bits.to_bytes(8, 'little'))[0]\nV = [\n",
    );
    for v in &values {
        script.push_str(&format!("    {},\n", v.python()));
    }
    script.push_str("]\nS = [\n");
    for s in &specs {
        script.push_str(&format!("    {},\n", escaped(s)));
    }
    script.push_str("]\nP = [");
    for (v, s) in &pairs {
        script.push_str(&format!("{v},{s},"));
    }
    script.push_str(
        "]\nfor i in range(0, len(P), 2):\n    try:\n        r = repr(format(V[P[i]], S[P[i + 1]]))\n    \
         except Exception as e:\n        r = type(e).__name__ + (': ' + str(e) if str(e) else '')\n    \
         print(r)\n",
    );
    let Some(check) = cross_check(pairs.len()) else {
        return;
    };
    let cpython_lines = check.python().run(&script);
    assert_eq!(cpython_lines.len(), pairs.len());

    let heap = Heap::new();
    let objects: Vec<Obj<'_>> = values.iter().map(|v| v.build(&heap)).collect();
    let mut mismatches = Vec::new();
    for ((v, s), expected) in pairs.iter().zip(&cpython_lines) {
        let got = show(&heap, format(&heap, objects[*v].object(), &specs[*s]));
        check.compared(1);
        if &got != expected {
            mismatches.push(format!(
                "format({}, {:?}): pyrt {got}, CPython {expected}",
                values[*v].python(),
                specs[*s]
            ));
        }
    }
    let errors = cpython_lines
        .iter()
        .filter(|l| !l.starts_with(['\'', '"']))
        .count();
    println!("{} pairs compared, {errors} of them errors", pairs.len());
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        pairs.len(),
        mismatches[..mismatches.len().min(40)].join("\n")
    );
}
