//! A cross-check against a real CPython 3.12 when one is installed: pyrt and CPython compute the
//! same random batch of expressions (sizes, reprs, hashes and arithmetic of ints, floats, str
//! and bytes), and every line must match. Each line is one cross-check; without CPython the
//! batch is computed by pyrt alone and its lines count as skipped (see [`pyrt_tests::cpython`]
//! for how CPython is found).

use pyrt::Runtime;
use pyrt_tests::cross_check;

/// Deterministic pseudo-random values (xorshift), the same on every run.
fn values() -> (Vec<String>, Vec<f64>, Vec<String>) {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let ints = (0..60)
        .map(|i| {
            let digits = 1 + (next() % 60) as usize;
            let body: String = (0..digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let body = body.trim_start_matches('0');
            let body = if body.is_empty() { "0" } else { body };
            if i % 3 == 0 {
                format!("-{body}")
            } else {
                body.to_string()
            }
        })
        .collect();
    let floats = (0..60)
        .map(|_| f64::from_bits(next() >> 2) * if next() % 2 == 0 { 1.0 } else { -1.0 })
        .collect();
    let strs = (0..40)
        .map(|_| {
            let len = (next() % 12) as usize;
            (0..len)
                .map(|_| match next() % 4 {
                    0 => char::from(b'a' + (next() % 26) as u8),
                    1 => char::from_u32(0xa0 + (next() % 0x60) as u32).unwrap(),
                    2 => char::from_u32(0x400 + (next() % 0x400) as u32).unwrap(),
                    _ => char::from_u32(0x1f600 + (next() % 0x40) as u32).unwrap(),
                })
                .collect()
        })
        .collect();
    (ints, floats, strs)
}

#[test]
fn pyrt_and_cpython_agree_on_a_random_batch() {
    let (ints, floats, strs) = values();
    let mut script = String::from("import sys\n");
    let mut expected_pyrt = Vec::new();
    Runtime::new().with(|py| {
        let show = |r: pyrt::PyResult<pyrt::Bound<'_>>| match r {
            Ok(v) => v.repr().unwrap(),
            Err(e) => e.kind().name().to_string(),
        };
        for pair in ints.windows(2) {
            let (a, b) = (py.int_from_str(&pair[0]).unwrap(), py.int_from_str(&pair[1]).unwrap());
            script.push_str(&format!(
                "a, b = {}, {}\nfor f in (lambda: sys.getsizeof(a), lambda: hash(a), lambda: a * b, lambda: a // b, lambda: a % b, lambda: a / b, lambda: a ** 3, lambda: a >> 7, lambda: a & b):\n    try: print(repr(f()))\n    except Exception as e: print(type(e).__name__)\n",
                pair[0], pair[1]
            ));
            expected_pyrt.push(a.getsizeof().to_string());
            expected_pyrt.push(a.hash().unwrap().to_string());
            expected_pyrt.push(show(a.mul(&b)));
            expected_pyrt.push(show(a.floordiv(&b)));
            expected_pyrt.push(show(a.rem(&b)));
            expected_pyrt.push(show(a.truediv(&b)));
            expected_pyrt.push(show(a.pow(&py.int(3).unwrap())));
            expected_pyrt.push(show(a.rshift(&py.int(7).unwrap())));
            expected_pyrt.push(show(a.bitand(&b)));
        }
        for pair in floats.windows(2) {
            let (a, b) = (py.float(pair[0]).unwrap(), py.float(pair[1]).unwrap());
            script.push_str(&format!(
                "a, b = float.fromhex('{}'), float.fromhex('{}')\nfor f in (lambda: a, lambda: hash(a), lambda: a + b, lambda: a * b, lambda: a / b, lambda: a // b, lambda: a % b):\n    try: print(repr(f()))\n    except Exception as e: print(type(e).__name__)\n",
                hex(pair[0]),
                hex(pair[1])
            ));
            expected_pyrt.push(a.repr().unwrap());
            expected_pyrt.push(a.hash().unwrap().to_string());
            for r in [a.add(&b), a.mul(&b), a.truediv(&b), a.floordiv(&b), a.rem(&b)] {
                expected_pyrt.push(show(r));
            }
        }
        for s in &strs {
            let v = py.str(s).unwrap();
            let escaped: String = s.chars().map(|c| format!("\\U{:08x}", c as u32)).collect();
            script.push_str(&format!("s = '{escaped}'\nprint(sys.getsizeof(s)); print(hash(s)); print(repr(s)); print(len(s))\n"));
            expected_pyrt.extend([v.getsizeof().to_string(), v.hash().unwrap().to_string(), v.repr().unwrap(), v.len().unwrap().to_string()]);
        }
    });
    let Some(check) = cross_check(expected_pyrt.len()) else {
        return;
    };
    let cpython_lines = check.python().run(&script);
    assert_eq!(cpython_lines.len(), expected_pyrt.len());
    for (i, (c, p)) in cpython_lines.iter().zip(&expected_pyrt).enumerate() {
        assert_eq!(p, c, "line {i}: pyrt printed {p}, CPython {c}");
        check.compared(1);
    }
}

/// The exact hexadecimal form of a float (`float.hex`).
fn hex(x: f64) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        };
    }
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{mant:013x}p-1022")
    } else {
        format!("{sign}0x1.{mant:013x}p{:+}", exp - 1023)
    }
}
