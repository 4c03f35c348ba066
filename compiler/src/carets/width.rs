//! Offsets in a source line: CPython's UTF-8 byte columns to character offsets
//! (`_PyPegen_byte_offset_to_character_offset`, `Parser/pegen.c`) and character offsets to
//! display columns (`_PyPegen_calculate_display_width`, which counts a character whose
//! `unicodedata.east_asian_width` is `W` or `F` as two columns).
//!
//! Both mirror CPython 3.12.1's C functions, quirks included: a byte offset past the end
//! of the text counts the terminating NUL as one more character, a byte offset inside a
//! multi-byte character counts that character (the partial sequence decodes to one
//! U+FFFD), and the display width of an all-ASCII prefix is the offset itself, unclamped.

/// The character offset of UTF-8 byte offset `byte_offset` in `text`, as
/// `_PyPegen_byte_offset_to_character_offset` computes it.
///
/// The offset is clamped to one past the text's C length (`strlen`: up to its first NUL);
/// that extra byte is the NUL terminator, which decodes as one character.
pub(crate) fn byte_to_char_offset(text: &str, byte_offset: usize) -> usize {
    let bytes = text.as_bytes();
    let c_len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let offset = byte_offset.min(c_len + 1);
    // A prefix of valid UTF-8 decodes (with "replace") to one character per lead byte:
    // complete characters, plus one U+FFFD for a cut-off last character.
    let in_text = &bytes[..offset.min(bytes.len())];
    let lead_bytes = in_text.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    lead_bytes + usize::from(offset > bytes.len())
}

/// The display width of the first `char_offset` characters of `line`
/// (`_PyPegen_calculate_display_width`): an all-ASCII prefix is `char_offset` itself (even
/// past the end of the line); otherwise each character counts one column, or two when it
/// is East Asian Wide or Fullwidth.
pub(crate) fn display_width(line: &str, char_offset: usize) -> usize {
    let prefix = line.chars().take(char_offset);
    if prefix.clone().all(|c| c.is_ascii()) {
        return char_offset;
    }
    prefix.map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Whether `unicodedata.east_asian_width(c)` is `W` or `F` (Unicode 15.0.0, the database
/// of CPython 3.12).
pub(crate) fn is_wide(c: char) -> bool {
    let c = u32::from(c);
    WIDE_RANGES
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The inclusive code point ranges whose East Asian Width is `W` (wide) or `F` (fullwidth)
/// in Unicode 15.0.0, sorted; generated from CPython 3.12.1's `unicodedata` and checked
/// against it by `tests/carets_vs_cpython.rs`.
pub const WIDE_RANGES: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x2FF0, 0x2FFB),
    (0x3000, 0x303E),
    (0x3041, 0x3096),
    (0x3099, 0x30FF),
    (0x3105, 0x312F),
    (0x3131, 0x318E),
    (0x3190, 0x31E3),
    (0x31F0, 0x321E),
    (0x3220, 0x3247),
    (0x3250, 0x4DBF),
    (0x4E00, 0xA48C),
    (0xA490, 0xA4C6),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE52),
    (0xFE54, 0xFE66),
    (0xFE68, 0xFE6B),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4),
    (0x16FF0, 0x16FF1),
    (0x17000, 0x187F7),
    (0x18800, 0x18CD5),
    (0x18D00, 0x18D08),
    (0x1AFF0, 0x1AFF3),
    (0x1AFF5, 0x1AFFB),
    (0x1AFFD, 0x1AFFE),
    (0x1B000, 0x1B122),
    (0x1B132, 0x1B132),
    (0x1B150, 0x1B152),
    (0x1B155, 0x1B155),
    (0x1B164, 0x1B167),
    (0x1B170, 0x1B2FB),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F202),
    (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248),
    (0x1F250, 0x1F251),
    (0x1F260, 0x1F265),
    (0x1F300, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D7),
    (0x1F6DC, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FA7C),
    (0x1FA80, 0x1FA88),
    (0x1FA90, 0x1FABD),
    (0x1FABF, 0x1FAC5),
    (0x1FACE, 0x1FADB),
    (0x1FAE0, 0x1FAE8),
    (0x1FAF0, 0x1FAF8),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
];
