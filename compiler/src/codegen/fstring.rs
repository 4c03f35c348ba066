//! f-strings (`compiler_joined_str` and `compiler_formatted_value` of `Python/compile.c`).
//!
//! Ruff keeps an f-string's parts as written; CPython 3.12's parser turns them into a
//! `JoinedStr` of constants and `FormattedValue`s first: adjacent literal text (including
//! implicitly concatenated plain strings and the `x=` text of self-documenting expressions)
//! merged into one constant located from the first piece's start to the last one's end, and
//! a format spec that ends with a replacement field followed by an empty constant. This
//! module rebuilds that list, then emits `FORMAT_VALUE` and `BUILD_STRING` as 3.12 does.

use ruff_python_ast::{
    ConversionFlag, ExprFString, FStringPart, InterpolatedElement, InterpolatedStringElement,
    InterpolatedStringElements,
};
use ruff_text_size::{Ranged, TextSize};

use super::Compiler;
use super::expr::STACK_USE_GUIDELINE;
use crate::code::Constant;
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;

/// One value of a `JoinedStr`.
enum Piece<'a> {
    /// Literal text, with its start and end offsets.
    Text(String, TextSize, TextSize),
    /// A replacement field.
    Field(&'a InterpolatedElement),
}

/// The text of a self-documenting expression's surroundings without its comments (the
/// tokenizer drops them: `{x = # note` + newline gives `x = ` + newline).
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.split('#').next().unwrap_or(""));
    }
    out
}

/// Appends literal text, merging it with a preceding literal.
fn push_text(pieces: &mut Vec<Piece<'_>>, text: &str, start: TextSize, end: TextSize) {
    if let Some(Piece::Text(prev, _, prev_end)) = pieces.last_mut() {
        prev.push_str(text);
        *prev_end = end;
        return;
    }
    pieces.push(Piece::Text(text.to_owned(), start, end));
}

impl<'a> Compiler<'a> {
    /// The pieces of some f-string elements, appended to `pieces`.
    fn collect_elements(
        &self,
        elements: &'a InterpolatedStringElements,
        pieces: &mut Vec<Piece<'a>>,
    ) {
        for element in elements.iter() {
            match element {
                InterpolatedStringElement::Literal(lit) => {
                    if !lit.value.is_empty() {
                        push_text(pieces, &lit.value, lit.start(), lit.end());
                    }
                }
                InterpolatedStringElement::Interpolation(field) => {
                    if let Some(debug) = &field.debug_text {
                        let expr_range = field.expression.range();
                        let text = format!(
                            "{}{}{}",
                            without_comments(&debug.leading),
                            &self.source[expr_range],
                            without_comments(&debug.trailing)
                        );
                        let start = expr_range.start() - TextSize::of(debug.leading.as_str());
                        let end = expr_range.end() + TextSize::of(debug.trailing.as_str());
                        push_text(pieces, &text, start, end);
                    }
                    pieces.push(Piece::Field(field));
                }
            }
        }
    }

    /// An f-string expression (`JoinedStr`).
    pub(crate) fn fstring(
        &mut self,
        f: &'a ExprFString,
        loc: Location,
    ) -> Result<(), CompileError> {
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(lit) => {
                    if !lit.value.is_empty() {
                        push_text(&mut pieces, &lit.value, lit.start(), lit.end());
                    }
                }
                FStringPart::FString(fs) => self.collect_elements(&fs.elements, &mut pieces),
            }
        }
        self.joined(pieces, loc)
    }

    /// `compiler_joined_str` over rebuilt pieces.
    fn joined(&mut self, pieces: Vec<Piece<'a>>, loc: Location) -> Result<(), CompileError> {
        let count = pieces.len();
        if count > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str("".into()), loc);
            self.emit_name(Opcode::LoadMethod, "join", loc);
            self.emit(Opcode::BuildList, 0, loc);
            for piece in pieces {
                self.piece(piece)?;
                self.emit(Opcode::ListAppend, 1, loc);
            }
            self.emit(Opcode::Call, 1, loc);
        } else {
            for piece in pieces {
                self.piece(piece)?;
            }
            if count != 1 {
                self.emit(Opcode::BuildString, count as u32, loc);
            }
        }
        Ok(())
    }

    /// One piece: a constant, or `compiler_formatted_value`.
    fn piece(&mut self, piece: Piece<'a>) -> Result<(), CompileError> {
        match piece {
            Piece::Text(text, start, end) => {
                let (lineno, col_offset) = self.map.line_col(start);
                let (end_lineno, end_col_offset) = self.map.line_col(end);
                let loc = Location {
                    lineno,
                    end_lineno,
                    col_offset,
                    end_col_offset,
                };
                self.load_const(Constant::Str(text.into()), loc);
            }
            Piece::Field(field) => {
                let loc = self.loc(field);
                let r = self.nested(loc, |c| c.formatted_value(field, loc));
                r?;
            }
        }
        Ok(())
    }

    /// `compiler_formatted_value`.
    fn formatted_value(
        &mut self,
        field: &'a InterpolatedElement,
        loc: Location,
    ) -> Result<(), CompileError> {
        self.expr(&field.expression)?;
        let mut conversion = field.conversion;
        if field.debug_text.is_some()
            && conversion == ConversionFlag::None
            && field.format_spec.is_none()
        {
            conversion = ConversionFlag::Repr;
        }
        let mut oparg = match conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &field.format_spec {
            let mut pieces = Vec::new();
            self.collect_elements(&spec.elements, &mut pieces);
            let spec_end = spec.end();
            if matches!(pieces.last(), Some(Piece::Field(_))) {
                pieces.push(Piece::Text(String::new(), spec_end, spec_end));
            }
            let mut spec_loc = self.loc(&**spec);
            // CPython's format spec starts at the ':'.
            if spec_loc.col_offset > 0 {
                spec_loc.col_offset -= 1;
            }
            self.joined(pieces, spec_loc)?;
            oparg |= 4;
        }
        self.emit(Opcode::FormatValue, oparg, loc);
        Ok(())
    }
}
