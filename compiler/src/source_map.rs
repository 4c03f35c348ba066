//! Byte offsets of the syntax tree to CPython's locations: 1-based line numbers and 0-based
//! columns counted in UTF-8 bytes (what `co_positions()` and tracebacks report).

use ruff_text_size::{Ranged, TextSize};

use crate::instr::Location;

/// The start of every line of one source text.
#[derive(Clone, Debug)]
pub struct SourceMap {
    line_starts: Vec<u32>,
}

impl SourceMap {
    /// Indexes `source`'s lines (`\n`, `\r\n` and lone `\r` all end a line, as in CPython's
    /// tokenizer).
    pub fn new(source: &str) -> SourceMap {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap { line_starts }
    }

    /// The 1-based line and 0-based byte column of `offset`.
    pub fn line_col(&self, offset: TextSize) -> (i32, i32) {
        let offset = u32::from(offset);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        (line as i32 + 1, (offset - self.line_starts[line]) as i32)
    }

    /// The location of a node's whole range.
    pub fn location(&self, node: &impl Ranged) -> Location {
        let (lineno, col_offset) = self.line_col(node.start());
        let (end_lineno, end_col_offset) = self.line_col(node.end());
        Location {
            lineno,
            end_lineno,
            col_offset,
            end_col_offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_utf8_bytes() {
        let map = SourceMap::new("a\né = 1\r\nb\rc");
        assert_eq!(map.line_col(TextSize::from(0)), (1, 0));
        assert_eq!(map.line_col(TextSize::from(2)), (2, 0));
        // 'é' is two bytes, so ' ' after it is column 2.
        assert_eq!(map.line_col(TextSize::from(4)), (2, 2));
        assert_eq!(map.line_col(TextSize::from(10)), (3, 0));
        assert_eq!(map.line_col(TextSize::from(12)), (4, 0));
    }
}
