//! Calling a class whose base is a built-in type (`class C(int)`, `str`, `bytes`, `tuple`,
//! `float`, `dict`, `set`, `frozenset`): `type_call` with the base's `tp_new` and `tp_init`
//! (`Objects/typeobject.c`, and `long_subtype_new`, `tuple_subtype_new`, `dict_new` and
//! `dict_init`, `set_new` and `set_init`, ... in the bases' files). The instances themselves are
//! [`pyrt_objects::types::builtin_subclass`]'s.

use pyrt_objects::Obj;
use pyrt_objects::methods::check_positional;
use pyrt_objects::types::builtin_subclass::{self as sub, BuiltinBase};
use pyrt_objects::types::class::Class;
use pyrt_objects::types::{dict, set, set_ops};

use super::{Interp, R, exceptions};

impl<'py> Interp<'py> {
    /// `cls(*args, **kwargs)` for a class on built-in base `base`: the base's `__new__` (an
    /// immutable base's value made as the base makes it, then copied into an instance of the
    /// class; an empty dict or set), then the class's `__init__` if it has one, else the base's
    /// (which fills a dict or a set).
    pub(crate) fn instantiate_builtin_subclass(
        &self,
        c: &Class,
        base: BuiltinBase,
        args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let ty = c.as_type();
        let init = self.class_lookup(ty, "__init__");
        let instance = match base {
            BuiltinBase::Dict | BuiltinBase::Set => {
                sub::new_empty(heap, c).map_err(|e| self.err(e))?
            }
            BuiltinBase::FrozenSet => {
                // `frozenset_new` for a subtype: at most one iterable, added straight into
                // the new instance (`make_new_set`).
                check_positional(ty.name(), args.len(), 0, 1).map_err(|e| self.err(e))?;
                match args.first() {
                    Some(iterable) => sub::new_from_value(heap, c, iterable.object()),
                    None => sub::new_empty(heap, c),
                }
                .map_err(|e| self.err(e))?
            }
            _ => {
                let value = super::builtins::construct(
                    self,
                    base.base_type(),
                    args.clone(),
                    kwargs.clone(),
                )?;
                sub::new_from_value(heap, c, value.object()).map_err(|e| self.err(e))?
            }
        };
        match init {
            Some(init) => {
                let mut full = vec![instance.clone()];
                full.extend(args);
                let r = self.call(&init, full, kwargs)?;
                if !r.is(&pyrt_objects::types::none(heap)) {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "__init__() should return None, not '{}'",
                            r.ob_type().name()
                        ),
                    ));
                }
            }
            None if base == BuiltinBase::Dict => self.dict_init(&instance, &args, &kwargs)?,
            None if base == BuiltinBase::Set => self.set_init(&instance, &args, &kwargs)?,
            None => {}
        }
        Ok(instance)
    }

    /// `dict_init` (`dict.__init__(self, *args, **kwargs)`): at most one mapping or iterable
    /// of pairs, then the keywords, merged into `d`.
    fn dict_init(
        &self,
        d: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        let heap = self.heap;
        check_positional("dict", args.len(), 0, 1).map_err(|e| self.err(e))?;
        let view = dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))?;
        if let Some(arg) = args.first() {
            dict::update_arg(heap, view, arg.object()).map_err(|e| self.err(e))?;
        }
        for (k, v) in kwargs {
            let key = self.name_str(k)?;
            dict::set_item(heap, view, key, v.clone()).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// `set_init` (`set.__init__(self, iterable=(), /)`): no keywords, at most one iterable,
    /// whose items replace the set's.
    fn set_init(
        &self,
        s: &Obj<'py>,
        args: &[Obj<'py>],
        kwargs: &[(String, Obj<'py>)],
    ) -> R<'py, ()> {
        if !kwargs.is_empty() {
            return Err(self.raise(&exceptions::TYPE_ERROR, "set() takes no keyword arguments"));
        }
        check_positional("set", args.len(), 0, 1).map_err(|e| self.err(e))?;
        let view = set::Set::cast_internal(s.object()).map_err(|e| self.err(e))?;
        if set::set_len(view.as_any()) > 0 {
            set::clear(self.heap, view);
        }
        if let Some(iterable) = args.first() {
            set_ops::update(self.heap, view, iterable.object()).map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}
