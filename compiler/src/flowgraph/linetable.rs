//! The location table, `co_linetable` (`assemble_location_info` of `Python/assemble.c`, format
//! in CPython's `Objects/locations.md`).
//!
//! Each entry covers 1 to 8 code units with one location: a first byte `1cccclll` (code `cccc`,
//! length `lll + 1`) then the code's payload. Codes 0-9 are the short forms (same line, column
//! group `cccc`), 10-12 one-line forms (line delta 0-2, start and end columns in a byte each),
//! 13 no columns (signed varint line delta), 14 the long form (signed line delta, end line
//! delta, start and end column plus one, as varints) and 15 no location.

use crate::instr::Location;

const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

/// Writes the location table for a sequence of (location, size in code units) runs.
pub(crate) struct LineTableWriter {
    table: Vec<u8>,
    /// The line the next entry's delta is taken from (`a_lineno`).
    lineno: i32,
}

impl LineTableWriter {
    /// A writer starting from the code unit's first line.
    pub fn new(firstlineno: i32) -> LineTableWriter {
        LineTableWriter {
            table: Vec::new(),
            lineno: firstlineno,
        }
    }

    /// The finished table.
    pub fn finish(self) -> Vec<u8> {
        self.table
    }

    fn first_byte(&mut self, code: u8, length: usize) {
        debug_assert!((1..=8).contains(&length));
        self.table.push(0x80 | (code << 3) | (length as u8 - 1));
    }

    fn varint(&mut self, mut value: u32) {
        while value >= 64 {
            self.table.push(64 | (value & 63) as u8);
            value >>= 6;
        }
        self.table.push(value as u8);
    }

    fn signed_varint(&mut self, value: i32) {
        if value < 0 {
            self.varint((value.unsigned_abs() << 1) | 1);
        } else {
            self.varint((value as u32) << 1);
        }
    }

    /// Writes the entries for `size` code units at `loc` (`assemble_emit_location`).
    pub fn emit(&mut self, loc: Location, mut size: usize) {
        while size > 8 {
            self.entry(loc, 8);
            size -= 8;
        }
        if size > 0 {
            self.entry(loc, size);
        }
    }

    /// One entry of at most 8 code units (`write_location_info_entry`).
    fn entry(&mut self, loc: Location, length: usize) {
        if loc.lineno < 0 {
            self.first_byte(NONE, length);
            return;
        }
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let (column, end_column) = (loc.col_offset, loc.end_col_offset);
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.first_byte(NO_COLUMNS, length);
                self.signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                self.first_byte(SHORT0 + (column >> 3) as u8, length);
                self.table
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.first_byte(ONE_LINE0 + line_delta as u8, length);
                self.table.push(column as u8);
                self.table.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.first_byte(LONG, length);
        self.signed_varint(line_delta);
        self.varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
        self.varint(loc.col_offset.wrapping_add(1) as u32);
        self.varint(loc.end_col_offset.wrapping_add(1) as u32);
        self.lineno = loc.lineno;
    }
}
