//! Exact results from CPython 3.12.1: the tables of `cpython.rs`, and the messages and
//! boundaries of the `int_max_str_digits` limits.

use super::*;

// ----- exact tables from CPython 3.12.1 (see `cpython.rs`) -----

#[test]
fn hash_matches_cpython() {
    for &(value, expected) in cpython::HASH_CASES {
        assert_eq!(lv(value).hash(), expected, "hash({value})");
    }
}

#[test]
fn to_f64_matches_cpython() {
    for &(value, expected) in cpython::TO_F64_CASES {
        let got = lv(value).to_f64().map(f64::to_bits);
        let got = got.as_ref().map_err(LongError::message).copied();
        assert_eq!(got, expected, "float({value})");
    }
}

#[test]
fn from_f64_matches_cpython() {
    for &(bits, expected) in cpython::FROM_F64_CASES {
        let got = LongValue::from_f64(f64::from_bits(bits));
        let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
        let expected = expected.map(str::to_owned).map_err(str::to_owned);
        assert_eq!(got, expected, "int(float.fromhex bits {bits:#x})");
    }
}

#[test]
fn pow_mod_matches_cpython() {
    for &(a, b, m, expected) in cpython::POW_MOD_CASES {
        let got = lv(a).pow_mod(&lv(b), &lv(m));
        let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
        let expected = expected.map(str::to_owned).map_err(str::to_owned);
        assert_eq!(got, expected, "pow({a}, {b}, {m})");
    }
}

#[test]
fn divmod_matches_cpython() {
    for &(a, b, expected) in cpython::DIV_CASES {
        let got = lv(a).divmod(&lv(b));
        let got = got.map(|(q, r)| (q.to_string(), r.to_string()));
        let got = got.as_ref().map(|(q, r)| (q.as_str(), r.as_str()));
        let got = got.map_err(|e| e.message().to_owned());
        assert_eq!(got, expected.map_err(str::to_owned), "divmod({a}, {b})");
    }
    let (seven, zero) = (LongValue::from_i64(7), LongValue::zero());
    let errors = [
        seven.floordiv(&zero).unwrap_err(),
        seven.rem(&zero).unwrap_err(),
        seven.divmod(&zero).unwrap_err(),
    ];
    let messages = errors.map(|e| e.to_string());
    assert_eq!(messages, cpython::DIV_BY_ZERO_MESSAGES);
}

#[test]
fn shifts_match_cpython() {
    for &(a, n, left, expected) in cpython::SHIFT_CASES {
        let (a, n) = (lv(a), lv(n));
        let got = if left { a.shl(&n) } else { a.shr(&n) };
        let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
        let expected = expected.map(str::to_owned).map_err(str::to_owned);
        assert_eq!(got, expected, "{a} {} {n}", if left { "<<" } else { ">>" });
    }
}

#[test]
fn str_hex_oct_bin_match_cpython() {
    for &(value, hex, oct, bin) in cpython::FORMAT_CASES {
        let v = lv(value);
        assert_eq!(v.to_string_radix10().unwrap(), value);
        assert_eq!(v.to_string_radix(16, true), hex);
        assert_eq!(v.to_string_radix(8, true), oct);
        assert_eq!(v.to_string_radix(2, true), bin);
    }
}

#[test]
fn parse_matches_cpython() {
    for &(text, base, expected) in cpython::PARSE_CASES {
        let got = LongValue::parse_radix(text, base);
        let got = got.map(|v| v.to_string()).map_err(|e| e.to_string());
        let expected = expected.map(str::to_owned).map_err(str::to_owned);
        assert_eq!(got, expected, "int({text:?}, {base})");
    }
}

#[test]
fn true_div_matches_cpython() {
    for &(a, b, expected) in cpython::TRUE_DIV_CASES {
        let got = lv(a)
            .true_div(&lv(b))
            .map(f64::to_bits)
            .map_err(|e| e.to_string());
        assert_eq!(got, expected.map_err(str::to_owned), "{a} / {b}");
    }
}

// ----- int_max_str_digits and long inputs -----

const TO_STR_LIMIT: &str = "ValueError: Exceeds the limit (4300 digits) for integer string \
    conversion; use sys.set_int_max_str_digits() to increase the limit";

fn to_int_limit(digits: usize) -> String {
    format!(
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

fn err_text<T: fmt::Debug>(r: Result<T, LongError>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn str_limit_counts_digits_not_sign() {
    let ten = LongValue::from_i64(10);
    let p4299 = ten.pow(&LongValue::from_i64(4299)).unwrap();
    let p4300 = ten.pow(&LongValue::from_i64(4300)).unwrap();
    assert_eq!(p4299.neg().to_string_radix10().unwrap().len(), 4301);
    let max = p4300.sub(&LongValue::one());
    assert_eq!(max.to_string_radix10().unwrap(), "9".repeat(4300));
    assert_eq!(
        max.neg().to_string_radix10().unwrap(),
        format!("-{}", "9".repeat(4300))
    );
    assert_eq!(err_text(p4300.to_string_radix10()), TO_STR_LIMIT);
    assert_eq!(err_text(p4300.neg().to_string_radix10()), TO_STR_LIMIT);
    // The pre-check path (a huge value) gives the same message.
    let huge = LongValue::one()
        .shl(&LongValue::from_i64(1_000_000))
        .unwrap();
    assert_eq!(err_text(huge.to_string_radix10()), TO_STR_LIMIT);
    // A raised or disabled limit, and hex() which has no limit.
    assert_eq!(
        p4300.to_string_radix10_with_limit(4301).unwrap().len(),
        4301
    );
    assert_eq!(p4300.to_string_radix10_with_limit(0).unwrap().len(), 4301);
    assert_eq!(huge.to_string_radix(16, true).len(), 2 + 250_001);
}

#[test]
fn parse_limit_matches_cpython() {
    let ones = |n: usize| "1".repeat(n);
    assert_eq!(
        LongValue::parse(&ones(4300)).unwrap().to_string(),
        ones(4300)
    );
    assert_eq!(err_text(LongValue::parse(&ones(4301))), to_int_limit(4301));
    assert_eq!(
        err_text(LongValue::parse(&format!("  {}", ones(4301)))),
        to_int_limit(4301)
    );
    assert_eq!(
        err_text(LongValue::parse(&"0".repeat(4301))),
        to_int_limit(4301)
    );
    assert_eq!(
        err_text(LongValue::parse(&"\u{661}".repeat(4301))),
        to_int_limit(4301)
    );
    let underscored = format!("{}1", "1_".repeat(4300));
    assert_eq!(err_text(LongValue::parse(&underscored)), to_int_limit(4301));
    assert_eq!(
        err_text(LongValue::parse_radix(&ones(4301), 0)),
        to_int_limit(4301)
    );
    assert_eq!(
        err_text(LongValue::parse_radix(&ones(4301), 36)),
        to_int_limit(4301)
    );
    // Validation comes first: a bad character reports an invalid literal instead.
    let bad = format!("{}x", ones(4301));
    let shown: String = format!("'{bad}'").chars().take(200).collect();
    let invalid = format!("ValueError: invalid literal for int() with base 10: {shown}");
    assert_eq!(err_text(LongValue::parse(&bad)), invalid);
    // A NUL ends CPython's C string, so the limit is reported for what precedes it.
    let nul = format!("{}\0", ones(5000));
    assert_eq!(err_text(LongValue::parse(&nul)), to_int_limit(5000));
    // Power-of-two bases have no limit (CPython 3.12.1: oct result has 3884 digits).
    let octal = LongValue::parse_radix(&ones(4301), 8).unwrap();
    assert_eq!(octal.to_string_radix10().unwrap().len(), 3884);
    assert!(LongValue::parse_radix(&format!("0x{}", ones(5000)), 0).is_ok());
    assert!(LongValue::parse_radix(&ones(4301), 32).is_ok());
    assert_eq!(
        LongValue::parse_with_limit(&ones(4301), 10, 0)
            .unwrap()
            .to_string(),
        ones(4301)
    );
}

#[test]
fn parse_error_repr_is_cut_at_200_characters() {
    let a300 = "a".repeat(300);
    let expected = format!(
        "ValueError: invalid literal for int() with base 10: '{}",
        "a".repeat(199)
    );
    assert_eq!(err_text(LongValue::parse(&a300)), expected);
    let e300 = "\u{e9}".repeat(300);
    let expected = format!(
        "ValueError: invalid literal for int() with base 16: '{}",
        "\u{e9}".repeat(199)
    );
    assert_eq!(err_text(LongValue::parse_radix(&e300, 16)), expected);
}
