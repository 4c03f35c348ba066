//! Shared helpers of pyrt's integration tests.
//!
//! The tests themselves live in `tests/`: `allocator_*.rs` check `pyrt-allocator` against a
//! model of live blocks and against CPython's numbers. The `pyrt` command's own tests are in
//! `cli/tests/` (crate `pyrt-cli`), where Cargo builds the binary for them.
//!
//! # Two tiers
//!
//! `cargo test --workspace` is the fast tier: every code path, at smaller sizes (chains of
//! [`FAST_CHAIN`] objects) and with fewer property-test cases. The slow tier is the tests marked
//! `#[ignore = "slow tier: ..."]` — the same checks on 10-million-object chains
//! ([`SLOW_CHAIN`]) and the long property-test runs — which
//! `cargo test --workspace -- --ignored` runs (CI does).
//!
//! # Cross-checks against CPython
//!
//! [`cross_check`] (in [`cpython`](mod@cpython)) is the one runner of every comparison with
//! a live CPython 3.12.

pub mod cpython;
pub mod recordclass_venv;

pub use cpython::{CPython, CrossCheck, cross_check};

/// `text` with each `0x` and the hexadecimal digits after it replaced by `mask`: the addresses
/// that reprs and reports print, which differ from run to run and between interpreters.
pub fn mask_addresses(text: &str, mask: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        out.push_str(mask);
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// A proptest configuration with `default_cases` cases unless `PROPTEST_CASES` says otherwise
/// (set it low when running under valgrind).
pub fn proptest_cases(default_cases: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases)
}

/// The length of the deep chains in the fast tier: far past the 50 levels after which
/// deallocation is deferred, and deep enough that recursion over it would overflow the test
/// thread's stack.
pub const FAST_CHAIN: usize = 100_000;

/// The length of the deep chains in the slow tier.
pub const SLOW_CHAIN: usize = 10_000_000;

/// `PYRT_CHAIN_LENGTH` if it is set (the valgrind run shortens every chain with it), else
/// `tier_length` ([`FAST_CHAIN`] or [`SLOW_CHAIN`]).
pub fn chain_length(tier_length: usize) -> usize {
    std::env::var("PYRT_CHAIN_LENGTH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(tier_length)
}

/// Defines the two tiers of deep-structure tests: for each `body: fast_name, slow_name;`, a
/// test `fast_name` running `body(chain_length(FAST_CHAIN))` and its slow-tier twin
/// `slow_name`, marked `#[ignore = "slow tier: ..."]`, running `body(chain_length(SLOW_CHAIN))`.
/// Doc comments before an entry go on both tests.
#[macro_export]
macro_rules! chain_tiers {
    ($($(#[doc = $doc:literal])* $body:ident: $fast:ident, $slow:ident;)*) => {$(
        $(#[doc = $doc])*
        #[test]
        fn $fast() {
            $body($crate::chain_length($crate::FAST_CHAIN));
        }

        $(#[doc = $doc])*
        #[test]
        #[ignore = "slow tier: 10 million objects"]
        fn $slow() {
            $body($crate::chain_length($crate::SLOW_CHAIN));
        }
    )*};
}
