//! CPython 3.12's hash functions on 64-bit (`Python/pyhash.c`, `Include/pyhash.h`,
//! `Python/bootstrap_hash.c`, and the hash slots of `Objects/unicodeobject.c`,
//! `Objects/tupleobject.c`, `Objects/complexobject.c` and `Objects/setobject.c`).
//!
//! The point of this module is bit-for-bit agreement with CPython: the iteration order of a set
//! or dict of strings follows from the strings' hashes, so pyrt prints `{'a', 'b'}` in the same
//! order as `python3.12` only if every hash below matches. The expectations in the tests were
//! produced once by CPython 3.12.1 run with `PYTHONHASHSEED=0` (and `=1`, `=12345`).
//!
//! # What mirrors what
//!
//! | here | CPython |
//! |---|---|
//! | [`HashSecret`] | `_Py_HashSecret` (`siphash.k0`, `siphash.k1`), filled by `_Py_HashRandomization_Init` |
//! | [`HashSecret::from_seed`] | `lcg_urandom` in `Python/bootstrap_hash.c` (`PYTHONHASHSEED=N`) |
//! | [`siphash13`] | `siphash13` in `Python/pyhash.c` (`Py_HASH_ALGORITHM == Py_HASH_SIPHASH13`) |
//! | [`hash_bytes`] | `_Py_HashBytes` (`Py_HASH_CUTOFF` is 0, so no small-input DJBX33A) |
//! | [`hash_str`] | `unicode_hash`: `_Py_HashBytes` over the compact 1/2/4-byte-per-char buffer |
//! | [`hash_pointer`] | `_Py_HashPointer` (rotate right by 4) |
//! | [`tuple_hash`] | `tuplehash` (the xxHash-based algorithm of 3.8+) |
//! | [`complex_hash`] | `complex_hash` |
//! | [`frozenset_hash`] | `frozenset_hash` with `_shuffle_bits` |
//!
//! Conventions shared by every function: a hash is an `i64` (`Py_hash_t`) computed in `u64`
//! (`Py_uhash_t`) with wrapping arithmetic, and `-1` is never returned because CPython reserves it
//! as the error marker (each function maps it to the value CPython uses instead).
//!
//! Numeric hashes (int, float) reduce modulo [`HASH_MODULUS`]; they live with the numeric types.
//! This module only provides the constants.

/// Number of bits of the numeric-hash modulus (`_PyHASH_BITS`, 61 on 64-bit).
pub const HASH_BITS: u32 = 61;

/// The modulus of numeric hashes, the Mersenne prime `2**61 - 1` (`_PyHASH_MODULUS`,
/// `sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

/// The hash of `float('inf')`; `-HASH_INF` is the hash of `-inf` (`_PyHASH_INF`).
pub const HASH_INF: i64 = 314_159;

/// The multiplier of the imaginary part in [`complex_hash`] (`_PyHASH_IMAG`, `sys.hash_info.imag`).
pub const HASH_IMAG: u64 = 1_000_003;

/// The key of the string and bytes hash (`_Py_HashSecret.siphash`).
///
/// `PYTHONHASHSEED=0` disables randomization: CPython then zeroes the whole secret, which is
/// [`HashSecret::ZERO`]. `PYTHONHASHSEED=N` for `N` in `1..=4294967295` fills it from a linear
/// congruential generator, which is [`HashSecret::from_seed`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSecret {
    k0: u64,
    k1: u64,
}

impl HashSecret {
    /// The all-zero secret that CPython uses under `PYTHONHASHSEED=0`.
    pub const ZERO: HashSecret = HashSecret { k0: 0, k1: 0 };

    /// The secret CPython derives from `PYTHONHASHSEED=seed`.
    ///
    /// Seed 0 gives [`HashSecret::ZERO`]. Any other seed drives `lcg_urandom`
    /// (`x = x * 214013 + 2531011` in 32-bit arithmetic, one byte `(x >> 16) & 0xff` per step)
    /// over the secret's bytes; the SipHash keys are bytes 0..8 and 8..16, read little-endian.
    ///
    /// # Example
    /// ```
    /// use pyrt_objects::hash::{hash_str, HashSecret};
    /// // PYTHONHASHSEED=1 python3.12 -c "print(hash('a'))"
    /// assert_eq!(hash_str(&HashSecret::from_seed(1), "a"), -3012895188637184397);
    /// ```
    pub fn from_seed(seed: u32) -> HashSecret {
        if seed == 0 {
            return HashSecret::ZERO;
        }
        let bytes = lcg_urandom(seed);
        let (k0, k1) = bytes.split_at(8);
        HashSecret {
            k0: u64::from_le_bytes(k0.try_into().expect("8 bytes")),
            k1: u64::from_le_bytes(k1.try_into().expect("8 bytes")),
        }
    }

    /// A secret with explicit SipHash keys (for SipHash's published test vectors, which use
    /// `k0 = 0x0706050403020100`, `k1 = 0x0f0e0d0c0b0a0908`).
    pub const fn from_keys(k0: u64, k1: u64) -> HashSecret {
        HashSecret { k0, k1 }
    }

    /// The first SipHash key.
    pub const fn k0(&self) -> u64 {
        self.k0
    }

    /// The second SipHash key.
    pub const fn k1(&self) -> u64 {
        self.k1
    }
}

/// `lcg_urandom` from `Python/bootstrap_hash.c`, producing the 16 bytes the SipHash keys use.
/// (CPython fills all 24 bytes of `_Py_HashSecret_t`; the stream is sequential, so the first 16
/// are the same.)
fn lcg_urandom(seed: u32) -> [u8; 16] {
    let mut x = seed;
    let mut out = [0u8; 16];
    for byte in &mut out {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *byte = (x >> 16) as u8;
    }
    out
}

/// SipHash-1-3 of `data` under `secret`, exactly as `siphash13` in `Python/pyhash.c`
/// (one compression round per 8-byte word, three finalization rounds, little-endian words).
///
/// # Example
/// ```
/// use pyrt_objects::hash::{siphash13, HashSecret};
/// // PYTHONHASHSEED=0 python3.12 -c "print(hash(b'a') % 2**64)"
/// assert_eq!(siphash13(&HashSecret::ZERO, b"a"), 4644417185603328019);
/// ```
pub fn siphash13(secret: &HashSecret, data: &[u8]) -> u64 {
    let mut state = Sip13::new(secret);
    state.write(data);
    state.finish()
}

/// `_Py_HashBytes`: the hash of `bytes`, `bytearray` slices and the buffers behind `str`.
///
/// Empty input hashes to 0 (CPython's choice, so as not to leak the secret); anything else is
/// [`siphash13`] reinterpreted as signed, with `-1` replaced by `-2`.
pub fn hash_bytes(secret: &HashSecret, data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    finish_hash(siphash13(secret, data))
}

/// `hash(str)`: [`hash_bytes`] over the string's canonical compact representation.
///
/// CPython stores a string with the narrowest code unit that fits its largest code point
/// (PEP 393): 1 byte per char below U+0100 (Latin-1), 2 below U+10000 (UCS-2), else 4 (UCS-4),
/// in native byte order, and hashes those bytes. This function streams the same bytes from the
/// UTF-8 `&str` without building the buffer. (On a big-endian host CPython's UCS-2/UCS-4 hashes
/// differ from little-endian ones; native order reproduces the host's CPython either way.)
///
/// # Example
/// ```
/// use pyrt_objects::hash::{hash_str, HashSecret};
/// // PYTHONHASHSEED=0 python3.12 -c "print(hash('spam'))"
/// assert_eq!(hash_str(&HashSecret::ZERO, "spam"), -7643603308804133256);
/// ```
pub fn hash_str(secret: &HashSecret, s: &str) -> i64 {
    if s.is_ascii() {
        // An ASCII string's UTF-8 bytes are its 1-byte compact buffer.
        return hash_bytes(secret, s.as_bytes());
    }
    let mut state = Sip13::new(secret);
    match UnicodeKind::of(s) {
        UnicodeKind::Latin1 => s.chars().for_each(|c| state.write(&[c as u8])),
        UnicodeKind::Ucs2 => s
            .chars()
            .for_each(|c| state.write(&(c as u16).to_ne_bytes())),
        UnicodeKind::Ucs4 => s
            .chars()
            .for_each(|c| state.write(&u32::from(c).to_ne_bytes())),
    }
    // A non-ASCII string is never empty, so no special case for 0 here.
    finish_hash(state.finish())
}

/// The width of a string's compact code units (`PyUnicode_KIND`: 1, 2 or 4 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UnicodeKind {
    Latin1,
    Ucs2,
    Ucs4,
}

impl UnicodeKind {
    /// The narrowest kind that holds every code point of `s`.
    fn of(s: &str) -> UnicodeKind {
        match s.chars().map(u32::from).max().unwrap_or(0) {
            0..=0xff => UnicodeKind::Latin1,
            0x100..=0xffff => UnicodeKind::Ucs2,
            _ => UnicodeKind::Ucs4,
        }
    }
}

/// `_Py_HashPointer`: the identity hash of an object at `addr` (the default `object.__hash__`).
///
/// The low 3–4 bits of an address are usually zero, so CPython rotates them to the top to
/// spread nearby objects over a hash table's slots.
pub fn hash_pointer(addr: usize) -> i64 {
    finish_hash(addr.rotate_right(4) as u64)
}

/// `tuplehash`: the hash of a tuple whose items hash to `item_hashes` (none of them `-1`).
///
/// This is xxHash's 64-bit lane update per item, then the length mangled so that `hash(())`
/// keeps its historical value; `-1` becomes `1546275796`.
pub fn tuple_hash(item_hashes: &[i64]) -> i64 {
    const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
    const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
    const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

    let mut acc = XXPRIME_5;
    for &lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `complex_hash`: `hash(real) + HASH_IMAG * hash(imag)` in wrapping 64-bit arithmetic, given
/// the hashes of the two float components; `-1` becomes `-2`.
pub fn complex_hash(real_hash: i64, imag_hash: i64) -> i64 {
    let combined = (real_hash as u64).wrapping_add(HASH_IMAG.wrapping_mul(imag_hash as u64));
    finish_hash(combined)
}

/// `frozenset_hash`: the hash of a frozenset whose (distinct) items hash to `item_hashes`, in any
/// order.
///
/// CPython xors `_shuffle_bits` of every table slot, then cancels the empty and dummy slots; the
/// result depends only on the active entries, which is what this function takes. The size is
/// folded in, the bits are dispersed, and `-1` becomes `590923713`.
pub fn frozenset_hash(item_hashes: &[i64]) -> i64 {
    let mut hash = item_hashes
        .iter()
        .fold(0u64, |acc, &h| acc ^ shuffle_bits(h as u64));
    hash ^= (item_hashes.len() as u64)
        .wrapping_add(1)
        .wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

/// `_shuffle_bits` from `Objects/setobject.c`: spreads closely spaced hashes before they are
/// xored together.
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// Reinterprets an unsigned hash as `Py_hash_t`, replacing the reserved `-1` by `-2`.
#[inline]
fn finish_hash(x: u64) -> i64 {
    match x as i64 {
        -1 => -2,
        h => h,
    }
}

/// Incremental SipHash-1-3: the state of `siphash13` in `Python/pyhash.c`, fed in pieces.
///
/// Invariant: `tail` holds the `len % 8` bytes not yet compressed, little-endian in its low
/// `8 * (len % 8)` bits, the rest zero.
struct Sip13 {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
    tail: u64,
    len: usize,
}

impl Sip13 {
    /// The initial state: the keys xored with "somepseudorandomlygeneratedbytes".
    fn new(secret: &HashSecret) -> Sip13 {
        Sip13 {
            v0: secret.k0 ^ 0x736f_6d65_7073_6575,
            v1: secret.k1 ^ 0x646f_7261_6e64_6f6d,
            v2: secret.k0 ^ 0x6c79_6765_6e65_7261,
            v3: secret.k1 ^ 0x7465_6462_7974_6573,
            tail: 0,
            len: 0,
        }
    }

    /// One SipRound (`SINGLE_ROUND`: two `HALF_ROUND`s).
    #[inline]
    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.rotate_left(32);

        self.v2 = self.v2.wrapping_add(self.v1);
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.rotate_left(32);
    }

    /// Absorbs one 64-bit message word with a single compression round.
    #[inline]
    fn compress(&mut self, m: u64) {
        self.v3 ^= m;
        self.round();
        self.v0 ^= m;
    }

    /// Appends `data` to the message.
    fn write(&mut self, data: &[u8]) {
        let mut rest = data;
        while !self.len.is_multiple_of(8) {
            let Some((&byte, more)) = rest.split_first() else {
                return;
            };
            self.push_byte(byte);
            rest = more;
        }
        let mut words = rest.chunks_exact(8);
        for word in &mut words {
            self.compress(u64::from_le_bytes(word.try_into().expect("8 bytes")));
            self.len += 8;
        }
        for &byte in words.remainder() {
            self.push_byte(byte);
        }
    }

    /// Appends one byte, compressing the tail once it holds a whole word.
    #[inline]
    fn push_byte(&mut self, byte: u8) {
        self.tail |= u64::from(byte) << (8 * (self.len % 8));
        self.len += 1;
        if self.len.is_multiple_of(8) {
            let word = std::mem::take(&mut self.tail);
            self.compress(word);
        }
    }

    /// Pads the last word with the length's low byte, runs the three finalization rounds and
    /// folds the state to 64 bits.
    fn finish(mut self) -> u64 {
        let last = ((self.len as u64) << 56) | self.tail;
        self.compress(last);
        self.v2 ^= 0xff;
        self.round();
        self.round();
        self.round();
        (self.v0 ^ self.v1) ^ (self.v2 ^ self.v3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const Z: HashSecret = HashSecret::ZERO;

    /// `hash(s)` under `PYTHONHASHSEED=0`, CPython 3.12.1 on x86-64.
    const STR_HASHES: &[(&str, i64)] = &[
        ("", 0),
        ("a", 4644417185603328019),
        ("ab", 6148830537548944441),
        ("spam", -7643603308804133256),
        ("hello world", -5642461784034726774),
        ("abcdefg", 7904145750247929094),
        ("abcdefgh", 4574395652268504554),
        ("abcdefghi", -532774252720507163),
        ("é", 6047309291227476195),
        ("café", 137524001917817222),
        ("ÿÿ", 2147057924765956750),
        ("€", -5529981157763016009),
        ("日本語", 7116994712188270),
        ("Ā", 75343234424780393),
        ("aĀ", -5810924036080650537),
        ("😀", -3536540696076613844),
        ("a😀b", -7541021549821082252),
        ("a\u{10000}", 3713326071274501327),
    ];

    #[test]
    fn hash_str_matches_cpython_seed_0() {
        for &(s, expected) in STR_HASHES {
            assert_eq!(hash_str(&Z, s), expected, "hash({s:?})");
        }
    }

    #[test]
    fn hash_str_of_100_ascii_chars() {
        let s = "abcdefghij".repeat(10);
        assert_eq!(hash_str(&Z, &s), -6160483630087364413);
    }

    #[test]
    fn hash_bytes_matches_cpython_seed_0() {
        let all: Vec<u8> = (0..=255).collect();
        let cases: &[(&[u8], i64)] = &[
            (b"", 0),
            (b"a", 4644417185603328019),
            (b"spam", -7643603308804133256),
            (b"abcdefgh", 4574395652268504554),
            (&all, 3579909164457460488),
        ];
        for &(data, expected) in cases {
            assert_eq!(hash_bytes(&Z, data), expected, "hash({data:?})");
        }
    }

    #[test]
    fn ascii_str_and_bytes_hash_alike() {
        // CPython: hash('spam') == hash(b'spam'), both hash the same 4 bytes.
        assert_eq!(hash_str(&Z, "spam"), hash_bytes(&Z, b"spam"));
    }

    #[test]
    fn unicode_kind_follows_the_largest_code_point() {
        assert_eq!(UnicodeKind::of(""), UnicodeKind::Latin1);
        assert_eq!(UnicodeKind::of("ÿ"), UnicodeKind::Latin1);
        assert_eq!(UnicodeKind::of("aĀ"), UnicodeKind::Ucs2);
        assert_eq!(UnicodeKind::of("\u{ffff}"), UnicodeKind::Ucs2);
        assert_eq!(UnicodeKind::of("a\u{10000}"), UnicodeKind::Ucs4);
    }

    /// SipHash-1-3 with key 00..0f over messages 00, 00 01, ..., 00..3e: the vectors in
    /// rust-lang/rust's `library/core/tests/hash/sip.rs` (`test_siphash_1_3`), as u64.
    #[rustfmt::skip]
    const SIPHASH13_VECTORS: [u64; 64] = [
        0xabac0158050fc4dc, 0xc9f49bf37d57ca93, 0x82cb9b024dc7d44d, 0x8bf80ab8e7ddf7fb,
        0xcf75576088d38328, 0xdef9d52f49533b67, 0xc50d2b50c59f22a7, 0xd3927d989bb11140,
        0x369095118d299a8e, 0x25a48eb36c063de4, 0x79de85ee92ff097f, 0x70c118c1f94dc352,
        0x78a384b157b4d9a2, 0x306f760c1229ffa7, 0x605aa111c0f95d34, 0xd320d86d2a519956,
        0xcc4fdd1a7d908b66, 0x9cf2689063dbd80c, 0x8ffc389cb473e63e, 0xf21f9de58d297d1c,
        0xc0dc2f46a6cce040, 0xb992abfe2b45f844, 0x7ffe7b9ba320872e, 0x525a0e7fdae6c123,
        0xf464aeb267349c8c, 0x45cd5928705b0979, 0x3a3e35e3ca9913a5, 0xa91dc74e4ade3b35,
        0xfb0bed02ef6cd00d, 0x88d93cb44ab1e1f4, 0x540f11d643c5e663, 0x2370dd1f8c21d1bc,
        0x81157b6c16a7b60d, 0x4d54b9e57a8ff9bf, 0x759f12781f2a753e, 0xcea1a3bebf186b91,
        0x2cf508d3ada26206, 0xb6101c2da3c33057, 0xb3f47496ae3a36a1, 0x626b57547b108392,
        0xc1d2363299e41531, 0x667cc1923f1ad944, 0x65704ffec8138825, 0x24f280d1c28949a6,
        0xc2ca1cedfaf8876b, 0xc2164bfc9f042196, 0xa16e9c9368b1d623, 0x49fb169c8b5114fd,
        0x9f3143f8df074c46, 0xc6fdaf2412cc86b3, 0x7eaf49d10a52098f, 0x1cf313559d292f9a,
        0xc44a30dda2f41f12, 0x36fae98943a71ed0, 0x318fb34c73f0bce6, 0xa27abf3670a7e980,
        0xb4bcc0db243c6d75, 0x23f8d852fdb71513, 0x8f035f4da67d8a08, 0xd89cd0e5b7e8f148,
        0xf6f4e6bcf7a644ee, 0xaec59ad80f1837f2, 0xc3b2f6154b6694e0, 0x9d199062b7bbb3a8,
    ];

    #[test]
    fn siphash13_reference_vectors() {
        let key = HashSecret::from_keys(0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908);
        let message: Vec<u8> = (0..64).collect();
        for (len, &expected) in SIPHASH13_VECTORS.iter().enumerate() {
            assert_eq!(siphash13(&key, &message[..len]), expected, "length {len}");
        }
    }

    #[test]
    fn siphash13_streaming_matches_one_shot_for_every_split() {
        let key = HashSecret::from_keys(0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908);
        let message: Vec<u8> = (0..40).collect();
        for split in 0..=message.len() {
            let mut state = Sip13::new(&key);
            state.write(&message[..split]);
            state.write(&message[split..]);
            assert_eq!(state.finish(), SIPHASH13_VECTORS[40], "split at {split}");
        }
    }

    #[test]
    fn from_seed_0_is_the_zero_secret() {
        assert_eq!(HashSecret::from_seed(0), HashSecret::ZERO);
    }

    /// `hash(s)` for a few strings under `PYTHONHASHSEED=1`, `=12345` and `=4294967295`.
    #[test]
    fn from_seed_matches_cpython() {
        let strings = ["a", "spam", "hello world", "café", "日本語", "😀"];
        let table: &[(u32, [i64; 6])] = &[
            (
                1,
                [
                    -3012895188637184397,
                    -8496561340214978859,
                    4697380503286254714,
                    2420579699203294547,
                    4108418643989797081,
                    7663130467274561019,
                ],
            ),
            (
                12345,
                [
                    -8961251314296359281,
                    4396072608759432365,
                    3184199782645080147,
                    7941446595553291186,
                    5519382488931253918,
                    4293605015213982892,
                ],
            ),
            (
                4294967295,
                [
                    -5989683813037840249,
                    6806728483048982183,
                    6208778848576073069,
                    -8755507911872275758,
                    -6341209519133234530,
                    -5273353973323107289,
                ],
            ),
        ];
        for &(seed, expected) in table {
            let secret = HashSecret::from_seed(seed);
            for (s, want) in strings.iter().zip(expected) {
                assert_eq!(hash_str(&secret, s), want, "seed {seed}, hash({s:?})");
            }
        }
    }

    #[test]
    fn tuple_hash_matches_cpython() {
        // hash(n) == n for small ints; hash(-1) == hash(-2) == -2; hash(1.5) == 2**60 + 1.
        let pair = tuple_hash(&[1, 2]);
        let cases: &[(&[i64], i64)] = &[
            (&[], 5740354900026072187),
            (&[1], -6644214454873602895),
            (&[1, 2], -3550055125485641917),
            (&[pair, 3], -333907151259015829),
            (&[-2], 8078679518589016365),
            (&[(1 << 60) + 1], 1701133413810848945),
        ];
        for &(items, expected) in cases {
            assert_eq!(tuple_hash(items), expected, "tuple of hashes {items:?}");
        }
        let a = hash_str(&Z, "a");
        let b = hash_str(&Z, "b");
        assert_eq!(tuple_hash(&[a, b]), 7372137184884179083);
    }

    #[test]
    fn complex_hash_matches_cpython() {
        // (real hash, imag hash, hash(complex)): 1+2j, 1j, -1-1j, 0.5-0.5j, inf+0j.
        // hash(-1.0) is -2; hash(0.5) is 2**60; hash(inf) is HASH_INF.
        let cases: &[(i64, i64, i64)] = &[
            (1, 2, 2000007),
            (0, 1, 1000003),
            (-2, -2, -2000008),
            (1 << 60, -(1 << 60), -2305843009213693952),
            (HASH_INF, 0, 314159),
        ];
        for &(re, im, expected) in cases {
            assert_eq!(
                complex_hash(re, im),
                expected,
                "complex of hashes ({re}, {im})"
            );
        }
    }

    #[test]
    fn complex_hash_never_returns_minus_one() {
        assert_eq!(complex_hash(-1, 0), -2);
    }

    #[test]
    fn frozenset_hash_matches_cpython() {
        let a = hash_str(&Z, "a");
        let b = hash_str(&Z, "b");
        let cases: &[(&[i64], i64)] = &[
            (&[], 133146708735736),
            (&[1, 2, 3], -272375401224217160),
            (&[a, b], 1679668661828516449),
            // frozenset({-1, -2}): both items hash to -2.
            (&[-2, -2], 399283329322573),
        ];
        for &(items, expected) in cases {
            assert_eq!(
                frozenset_hash(items),
                expected,
                "frozenset of hashes {items:?}"
            );
        }
        let inner = frozenset_hash(&[1]);
        assert_eq!(frozenset_hash(&[inner]), 5515263749738256364);
    }

    #[test]
    fn hash_pointer_rotates_right_by_4() {
        assert_eq!(hash_pointer(0x10), 1);
        assert_eq!(hash_pointer(0x7f12_3456_7890), 0x07f1_2345_6789);
        assert_eq!(hash_pointer(0x1), 1 << 60);
        // All ones would be -1, which is reserved.
        assert_eq!(hash_pointer(usize::MAX), -2);
    }

    #[test]
    fn numeric_constants_match_sys_hash_info() {
        assert_eq!(HASH_MODULUS, 2_305_843_009_213_693_951);
        assert_eq!(HASH_INF, 314_159);
        assert_eq!(HASH_IMAG, 1_000_003);
        assert_eq!(HASH_BITS, 61);
    }

    /// The hashes behind CPython's `list({'a', 'b', 'c', 'd', 'e'})`, which prints
    /// `['d', 'c', 'a', 'e', 'b']` under `PYTHONHASHSEED=0`; the set implementation will check
    /// that order against these.
    #[test]
    fn hashes_behind_a_small_set_of_strings() {
        let expected = [
            ("a", 4644417185603328019),
            ("b", -8420940591063670578),
            ("c", -2649405227494141838),
            ("d", 4857371422511266496),
            ("e", -1017399452914718599),
        ];
        for (s, want) in expected {
            assert_eq!(hash_str(&Z, s), want, "hash({s:?})");
        }
    }

    /// The compact buffer built the slow, obvious way.
    fn compact_buffer(s: &str) -> Vec<u8> {
        let max = s.chars().map(u32::from).max().unwrap_or(0);
        s.chars()
            .flat_map(|c| {
                let c = u32::from(c);
                match max {
                    0..=0xff => vec![c as u8],
                    0x100..=0xffff => (c as u16).to_ne_bytes().to_vec(),
                    _ => c.to_ne_bytes().to_vec(),
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn hash_str_is_hash_bytes_of_the_compact_buffer(s in any::<String>(), seed in any::<u32>()) {
            let secret = HashSecret::from_seed(seed);
            prop_assert_eq!(hash_str(&secret, &s), hash_bytes(&secret, &compact_buffer(&s)));
        }

        #[test]
        fn frozenset_hash_ignores_order(mut items in proptest::collection::vec(any::<i64>(), 0..12)) {
            let forward = frozenset_hash(&items);
            items.reverse();
            prop_assert_eq!(frozenset_hash(&items), forward);
        }

        #[test]
        fn no_hash_function_returns_minus_one(x in any::<i64>(), y in any::<i64>()) {
            prop_assert_ne!(tuple_hash(&[x, y]), -1);
            prop_assert_ne!(complex_hash(x, y), -1);
            prop_assert_ne!(frozenset_hash(&[x, y]), -1);
            prop_assert_ne!(hash_pointer(x as usize), -1);
        }
    }
}
