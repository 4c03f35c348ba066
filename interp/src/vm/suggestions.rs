//! "Did you mean" in printed tracebacks (`Python/suggestions.c` of 3.12 and
//! `print_exception_suggestions` of `Python/pythonrun.c`): for a `NameError`, an
//! `AttributeError` or an `ImportError` of `from module import name` (exactly those classes), the closest name by a Levenshtein distance whose
//! moves cost 2 and case changes 1, among at most 750 candidates, for names of at most 40
//! bytes, and within a third of the characters involved.
//!
//! A `NameError` looks in the innermost frame of its traceback: its local variable names, then
//! its globals, then its builtins (each list on its own), after checking `self.name` in a
//! method; an unknown name of a standard-library module adds "Did you forget to import". An
//! `AttributeError` looks at `dir(obj)`, which pyrt computes for modules and for classes and
//! instances of Python classes (built-in objects get no suggestion yet).

use pyrt_objects::Obj;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::exceptions::{ATTRIBUTE_ERROR, IMPORT_ERROR, NAME_ERROR};
use pyrt_objects::types::frameobject::FrameObject;
use pyrt_objects::types::traceback::Traceback;
use pyrt_objects::types::{dict, tuple, unicode};

use super::super::Interp;
use super::super::exceptions::Exception;
use super::super::objects::{MODULE, module};
use super::stdlib_names::STDLIB_MODULE_NAMES;

/// `MAX_CANDIDATE_ITEMS`: a longer candidate list gives no suggestion.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// `MAX_STRING_SIZE`: longer names (after trimming common affixes) are never close.
const MAX_STRING_SIZE: usize = 40;
/// `MOVE_COST`: inserting, deleting or substituting a character.
const MOVE_COST: usize = 2;
/// `CASE_COST`: substituting a character by itself in the other case.
const CASE_COST: usize = 1;

/// `CO_FAST_LOCAL`: a local-variable entry of `co_localspluskinds`.
const CO_FAST_LOCAL: u8 = 0x20;

/// `substitution_cost` (on bytes, ASCII case folded).
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `levenshtein_distance(a, b, max_cost)`: the distance, or `max_cost + 1` once it is sure to
/// be larger than `max_cost`.
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mut a, mut b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        core::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `calculate_suggestions(dir, name)`: the closest candidate, the first of equals.
fn calculate_suggestion<'d>(dir: &'d [String], name: &str) -> Option<&'d str> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

/// The str keys of a dict, in order.
fn dict_keys(heap: &pyrt_objects::Heap, d: &Obj<'_>) -> Vec<String> {
    dict::Dict::cast(d.object())
        .and_then(|d| dict::items(heap, d).ok())
        .map(|items| {
            items
                .iter()
                .filter_map(|(k, _)| unicode::Str::cast(k.object()).map(unicode::str_value))
                .collect()
        })
        .unwrap_or_default()
}

impl<'py> Interp<'py> {
    /// What 3.12 prints after the message of an uncaught `exc`: `. Did you mean: 'x'?`, and
    /// for a `NameError` of a standard-library module's name, the import hint.
    pub(crate) fn suggestion_text(&self, exc: &Obj<'py>) -> String {
        let ty = exc.ob_type();
        let is_name_error = core::ptr::eq(ty, NAME_ERROR.get());
        if core::ptr::eq(ty, IMPORT_ERROR.get()) {
            return self
                .import_error_suggestion(exc)
                .map(|x| format!(". Did you mean: '{x}'?"))
                .unwrap_or_default();
        }
        if !is_name_error && !core::ptr::eq(ty, ATTRIBUTE_ERROR.get()) {
            return String::new();
        }
        let Ok(name) = self.getattr(exc, "name") else {
            return String::new();
        };
        let Some(name) = unicode::Str::cast(name.object()).map(unicode::str_value) else {
            return String::new();
        };
        let suggestion = if is_name_error {
            self.name_error_suggestion(exc, &name)
        } else {
            self.attribute_error_suggestion(exc, &name)
        };
        let mut s = suggestion
            .map(|x| format!(". Did you mean: '{x}'?"))
            .unwrap_or_default();
        if is_name_error && STDLIB_MODULE_NAMES.binary_search(&name.as_str()).is_ok() {
            if s.is_empty() {
                s = format!(". Did you forget to import '{name}'?");
            } else {
                s.push_str(&format!(" Or did you forget to import '{name}'?"));
            }
        }
        s
    }

    /// `offer_suggestions_for_name_error`.
    fn name_error_suggestion(&self, exc: &Obj<'py>, name: &str) -> Option<String> {
        let heap = self.heap;
        let mut tb = Exception::cast(exc.object())?.traceback(heap)?;
        while let Some(next) = Traceback::cast(tb.object())?.next(heap) {
            tb = next;
        }
        let frame_obj = Traceback::cast(tb.object())?.frame(heap);
        let frame = FrameObject::cast(frame_obj.object())?.frame();
        let code: &Code = frame.code()?;
        let names = tuple::items(code.localsplusnames());
        let kinds = code.localspluskinds();
        let mut varnames = Vec::new();
        let mut self_slot = None;
        for (i, (p, &kind)) in names.iter().zip(kinds).enumerate() {
            if kind & CO_FAST_LOCAL == 0 {
                continue;
            }
            // SAFETY: the code's names tuple holds its items.
            let n = unicode::Str::cast(unsafe { p.as_ref() }).map(unicode::str_value)?;
            if n == "self" {
                self_slot = Some(i);
            }
            varnames.push(n);
        }
        if let Some(i) = self_slot {
            // `self` unbound: CPython's lookup fails and it offers nothing.
            let me = frame.local(heap, i)?;
            if self.getattr(&me, name).is_ok() {
                return Some(format!("self.{name}"));
            }
        }
        if let Some(s) = calculate_suggestion(&varnames, name) {
            return Some(s.to_string());
        }
        let globals = dict_keys(heap, &frame.globals(heap)?);
        if let Some(s) = calculate_suggestion(&globals, name) {
            return Some(s.to_string());
        }
        let builtins = dict_keys(heap, &frame.builtins(heap)?);
        calculate_suggestion(&builtins, name).map(str::to_string)
    }

    /// `offer_suggestions_for_import_error`: for `from module import name`, the closest name
    /// of `dir(sys.modules[exc.name])` to `exc.name_from`.
    fn import_error_suggestion(&self, exc: &Obj<'py>) -> Option<String> {
        let text = |attr: &str| {
            self.getattr(exc, attr)
                .ok()
                .and_then(|v| unicode::Str::cast(v.object()).map(unicode::str_value))
        };
        let (module_name, name) = (text("name")?, text("name_from")?);
        let module = super::super::modules::sys::lookup(self, &module_name).ok()??;
        let dir = self.dir_names(&module)?;
        calculate_suggestion(&dir, &name).map(str::to_string)
    }

    /// `offer_suggestions_for_attribute_error`: the closest name of `dir(exc.obj)`.
    fn attribute_error_suggestion(&self, exc: &Obj<'py>, name: &str) -> Option<String> {
        let obj = self.getattr(exc, "obj").ok()?;
        if obj.is(&pyrt_objects::types::none(self.heap)) {
            return None;
        }
        let dir = self.dir_names(&obj)?;
        calculate_suggestion(&dir, name).map(str::to_string)
    }

    /// `dir(obj)`, sorted, where pyrt can tell it: a module's names, else those of
    /// `Interp::class_dir` (an instance's own names and the names along its class's MRO).
    fn dir_names(&self, obj: &Obj<'py>) -> Option<Vec<String>> {
        let heap = self.heap;
        let o = obj.object();
        let mut names: Vec<String>;
        if let Some(m) = MODULE.cast(o) {
            names = dict_keys(heap, &m.get_ref(heap, module::DICT)?);
        } else {
            // `dir(obj)` as the `dir()` built-in gives it, where pyrt can tell it.
            let l = self.class_dir(obj).ok()??;
            let l = pyrt_objects::types::list::List::cast(l.object())?;
            names = pyrt_objects::types::list::items(l)
                .iter()
                // SAFETY: the list holds its items while it is alive, here.
                .filter_map(|p| unicode::Str::cast(unsafe { p.as_ref() }).map(unicode::str_value))
                .collect();
        }
        names.sort();
        names.dedup();
        Some(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_suggestions_c_s() {
        // Values from CPython 3.12's traceback._levenshtein_distance.
        assert_eq!(levenshtein_distance(b"deposti", b"deposit", 100), 4);
        assert_eq!(levenshtein_distance(b"mesage", b"message", 100), 2);
        assert_eq!(levenshtein_distance(b"Abc", b"abc", 100), 1);
        assert_eq!(levenshtein_distance(b"abc", b"xyz", 2), 3);
        assert_eq!(levenshtein_distance(b"", b"abc", 100), 6);
    }

    #[test]
    fn the_first_of_equally_close_names_wins() {
        let dir: Vec<String> = ["abd", "abe", "zzz"].map(String::from).to_vec();
        assert_eq!(calculate_suggestion(&dir, "abc"), Some("abd"));
        assert_eq!(calculate_suggestion(&dir, "qqq"), None);
    }
}
