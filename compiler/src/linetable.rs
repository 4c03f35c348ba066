//! Reading `co_linetable`, CPython 3.11+'s location table (`Objects/locations.md`,
//! `Objects/codeobject.c`'s `advance_with_locations`): which source span each instruction
//! comes from. `co_positions()`, `co_lines()`, `dis`' line numbers and tracebacks all read it.
//!
//! The table is a list of entries, each covering 1 to 8 code units. An entry's first byte is
//! `1CCCCLLL`: code `CCCC` and length `LLL + 1`; the bytes after it depend on the code:
//!
//! | code   | form        | what follows                                                  |
//! |--------|-------------|---------------------------------------------------------------|
//! | 0-9    | short       | one byte: column = code·8 + high 3 bits, end = column + low 4 |
//! | 10-12  | one line    | line += code - 10; column byte; end column byte               |
//! | 13     | no columns  | line += svarint                                               |
//! | 14     | long        | line += svarint; end line = line + varint; column+1, end+1    |
//! | 15     | none        | no location                                                   |
//!
//! Varints are little-endian groups of 6 bits, bit 6 meaning "more follows"; a signed varint
//! keeps the sign in bit 0.

use crate::instr::Location;

/// One entry of the table: code units `start / 2 .. end / 2` come from `location` (`-1`s where
/// there is none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddressRange {
    /// The first byte offset covered.
    pub start: u32,
    /// The byte offset after the last covered.
    pub end: u32,
    /// The source span: lines 1-based, columns 0-based in UTF-8 bytes, `-1` for unknown.
    pub location: Location,
}

/// The entries of a location table, in order (`_PyLineTable_NextAddressRange` with locations).
#[derive(Clone, Debug)]
pub struct AddressRanges<'a> {
    table: &'a [u8],
    pos: usize,
    line: i32,
    end: u32,
}

impl<'a> AddressRanges<'a> {
    /// Reads `linetable`, whose line numbers are relative to `firstlineno`.
    pub fn new(linetable: &'a [u8], firstlineno: i32) -> AddressRanges<'a> {
        AddressRanges {
            table: linetable,
            pos: 0,
            line: firstlineno,
            end: 0,
        }
    }

    fn byte(&mut self) -> u8 {
        let b = self.table.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    fn varint(&mut self) -> u32 {
        let mut b = self.byte();
        let mut value = u32::from(b & 63);
        let mut shift = 0;
        while b & 64 != 0 && shift < 30 {
            b = self.byte();
            shift += 6;
            value |= u32::from(b & 63) << shift;
        }
        value
    }

    fn svarint(&mut self) -> i32 {
        let raw = self.varint();
        if raw & 1 != 0 {
            -((raw >> 1) as i32)
        } else {
            (raw >> 1) as i32
        }
    }
}

impl Iterator for AddressRanges<'_> {
    type Item = AddressRange;

    fn next(&mut self) -> Option<AddressRange> {
        if self.pos >= self.table.len() {
            return None;
        }
        let first = self.byte();
        let code = (first >> 3) & 15;
        let start = self.end;
        self.end = start + (u32::from(first & 7) + 1) * 2;
        let location = match code {
            15 => Location::NONE,
            14 => {
                self.line += self.svarint();
                let end_lineno = self.line + self.varint() as i32;
                let col_offset = self.varint() as i32 - 1;
                let end_col_offset = self.varint() as i32 - 1;
                Location {
                    lineno: self.line,
                    end_lineno,
                    col_offset,
                    end_col_offset,
                }
            }
            13 => {
                self.line += self.svarint();
                Location {
                    lineno: self.line,
                    end_lineno: self.line,
                    col_offset: -1,
                    end_col_offset: -1,
                }
            }
            10..=12 => {
                self.line += i32::from(code) - 10;
                let col_offset = i32::from(self.byte());
                let end_col_offset = i32::from(self.byte());
                Location {
                    lineno: self.line,
                    end_lineno: self.line,
                    col_offset,
                    end_col_offset,
                }
            }
            _ => {
                let second = self.byte();
                let col_offset = i32::from(code) << 3 | i32::from(second >> 4);
                Location {
                    lineno: self.line,
                    end_lineno: self.line,
                    col_offset,
                    end_col_offset: col_offset + i32::from(second & 15),
                }
            }
        };
        // A malformed table may leave continuation bytes: skip to the next entry's first byte.
        while self.pos < self.table.len() && self.table[self.pos] & 128 == 0 {
            self.pos += 1;
        }
        Some(AddressRange {
            start,
            end: self.end,
            location,
        })
    }
}

/// `co_positions()`: the source span of every code unit, in order.
pub fn positions(linetable: &[u8], firstlineno: i32) -> Vec<Location> {
    let mut out = Vec::new();
    for range in AddressRanges::new(linetable, firstlineno) {
        out.extend(std::iter::repeat_n(
            range.location,
            ((range.end - range.start) / 2) as usize,
        ));
    }
    out
}

/// `co_lines()`: `(start, end, line)` byte ranges, consecutive entries of one line merged;
/// `None` for code with no line.
pub fn lines(linetable: &[u8], firstlineno: i32) -> Vec<(u32, u32, Option<i32>)> {
    let mut out: Vec<(u32, u32, Option<i32>)> = Vec::new();
    for range in AddressRanges::new(linetable, firstlineno) {
        let line = (range.location.lineno >= 0).then_some(range.location.lineno);
        match out.last_mut() {
            Some(last) if last.2 == line => last.1 = range.end,
            _ => out.push((range.start, range.end, line)),
        }
    }
    out
}

/// `dis.findlinestarts`: the byte offsets where a new line starts, with the line (a line is
/// not restarted after code with no line).
pub fn line_starts(linetable: &[u8], firstlineno: i32) -> Vec<(u32, i32)> {
    let mut out = Vec::new();
    let mut last = None;
    for (start, _, line) in lines(linetable, firstlineno) {
        if line.is_some() && line != last {
            last = line;
            out.push((start, line.expect("checked")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_decodes() {
        // RESUME at line 0 via a no-line-delta long form; then a short form, a one-line form,
        // a no-column form and a no-location entry.
        let table = [
            0xf0,
            0x03,
            0x00,
            0x01,
            0x01, // long: line+=-1, end+0, col 0, end col 0
            0x80 | (1 << 3) | 1,
            0x25, // short code 1, 2 units: col 8+2, end col 10+5
            0x80 | (11 << 3),
            4,
            9, // one line, line+1
            0x80 | (13 << 3),
            0x04,                 // no columns, line += 2
            0x80 | (15 << 3) | 2, // none, 3 units
        ];
        let ranges: Vec<_> = AddressRanges::new(&table, 5).collect();
        let loc = |l, el, c, ec| Location {
            lineno: l,
            end_lineno: el,
            col_offset: c,
            end_col_offset: ec,
        };
        assert_eq!(ranges[0].location, loc(4, 4, 0, 0));
        assert_eq!((ranges[1].start, ranges[1].end), (2, 6));
        assert_eq!(ranges[1].location, loc(4, 4, 10, 15));
        assert_eq!(ranges[2].location, loc(5, 5, 4, 9));
        assert_eq!(ranges[3].location, loc(7, 7, -1, -1));
        assert_eq!(ranges[4].location, Location::NONE);
        assert_eq!(positions(&table, 5).len(), 1 + 2 + 1 + 1 + 3);
        assert_eq!(line_starts(&table, 5), vec![(0, 4), (6, 5), (8, 7)]);
    }
}
