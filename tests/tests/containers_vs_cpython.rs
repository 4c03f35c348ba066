//! Random programs over lists, dicts, sets and instances of a plain class, run by pyrt and by a
//! real CPython 3.12 (when one is installed): after every step both print the container's repr
//! and `sys.getsizeof`, and every line must match, so growth, shrinking, key-kind conversions,
//! dummies, iteration order and instance dictionaries are all compared with the real thing.
//! Each printed line is one cross-check; without CPython the programs run through pyrt alone
//! and their lines count as skipped (see [`pyrt_tests::cpython`]).

use pyrt::{Bound, PyAny, PyList, Python, Runtime};
use pyrt_tests::cross_check;

/// A deterministic xorshift generator: the same programs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The program text for CPython and the lines pyrt printed for the same steps.
#[derive(Default)]
struct Run {
    script: String,
    lines: Vec<String>,
}

impl Run {
    fn step(&mut self, python: &str, show: &str, pyrt: String) {
        self.script.push_str(&format!("{python}\nprint({show})\n"));
        self.lines.push(pyrt);
    }
}

fn shown(o: &Bound<'_, PyAny>) -> String {
    format!("{} {}", o.repr().unwrap(), o.getsizeof())
}

/// A key of the program's kind: small ints, strs, or both (which converts str tables).
fn key<'py>(py: Python<'py>, rng: &mut Rng, kind: u64) -> (String, Bound<'py, PyAny>) {
    let n = rng.below(60) as i64 - 15;
    if kind == 0 || (kind == 2 && rng.below(4) == 0) {
        (n.to_string(), py.int(n).unwrap().into_any())
    } else {
        (
            format!("'k{n}'"),
            py.str(&format!("k{n}")).unwrap().into_any(),
        )
    }
}

fn dict_program(py: Python<'_>, rng: &mut Rng, run: &mut Run) {
    let kind = rng.below(3);
    let mut d = py.dict().unwrap();
    run.script.push_str("d = {}\n");
    for _ in 0..120 {
        let (text, k) = key(py, rng, kind);
        let v = rng.below(1000) as i64;
        let python = match rng.below(20) {
            0..=11 => {
                d.set_item(&k, &py.int(v).unwrap()).unwrap();
                format!("d[{text}] = {v}")
            }
            12..=16 => {
                let _ = d.del_item(&k);
                format!("d.pop({text}, None)")
            }
            17 => {
                d = d.copy().unwrap();
                "d = d.copy()".to_string()
            }
            18 => {
                let fresh = py.dict().unwrap();
                fresh.update(&d).unwrap();
                d = fresh;
                "d = dict(d)".to_string()
            }
            _ => {
                d.clear();
                "d.clear()".to_string()
            }
        };
        run.step(&python, "repr(d), sys.getsizeof(d)", shown(d.as_any()));
    }
}

fn set_program(py: Python<'_>, rng: &mut Rng, run: &mut Run) {
    let kind = rng.below(3);
    let mut s = py.set(Vec::<Bound<'_>>::new()).unwrap();
    run.script.push_str("s = set()\n");
    for _ in 0..120 {
        let (text, k) = key(py, rng, kind);
        let python = match rng.below(20) {
            0..=11 => {
                s.insert(&k).unwrap();
                format!("s.add({text})")
            }
            12..=16 => {
                s.discard(&k).unwrap();
                format!("s.discard({text})")
            }
            17 => {
                let _ = s.pop();
                "s and s.pop()".to_string()
            }
            18 => {
                s = s.copy().unwrap();
                "s = s.copy()".to_string()
            }
            _ => {
                s.clear();
                "s.clear()".to_string()
            }
        };
        run.step(&python, "repr(s), sys.getsizeof(s)", shown(s.as_any()));
    }
}

fn list_program(py: Python<'_>, rng: &mut Rng, run: &mut Run) {
    let mut l = py.list(Vec::<Bound<'_>>::new()).unwrap();
    run.script.push_str("l = []\n");
    for _ in 0..120 {
        let n = l.len().unwrap() as i64;
        let (i, j) = (
            rng.below(n as u64 + 1) as i64,
            rng.below(n as u64 + 1) as i64,
        );
        let v = rng.below(300) as i64;
        let python = match rng.below(20) {
            0..=7 => {
                l.append(&py.int(v).unwrap()).unwrap();
                format!("l.append({v})")
            }
            8..=9 => {
                l.insert(i as isize, &py.int(v).unwrap()).unwrap();
                format!("l.insert({i}, {v})")
            }
            10..=11 => {
                let _ = l.pop(None);
                "l and l.pop()".to_string()
            }
            12 => {
                let _ = l.pop(Some(0));
                "l and l.pop(0)".to_string()
            }
            13..=14 => {
                l.del_slice(i.min(j) as isize, i.max(j) as isize).unwrap();
                format!("del l[{}:{}]", i.min(j), i.max(j))
            }
            15..=16 => {
                let items: Vec<_> = (0..v % 9).map(|x| py.int(x).unwrap()).collect();
                l.extend(&py.list(items).unwrap()).unwrap();
                format!("l.extend(list(range({})))", v % 9)
            }
            17 => {
                l = l.slice(i.min(j) as isize, i.max(j) as isize).unwrap();
                format!("l = l[{}:{}]", i.min(j), i.max(j))
            }
            18 if n < 40 => {
                l = l
                    .mul(&py.int(2).unwrap())
                    .unwrap()
                    .cast_into::<PyList>()
                    .unwrap();
                "l = l * 2".to_string()
            }
            _ => {
                l.clear();
                "l.clear()".to_string()
            }
        };
        run.step(&python, "repr(l), sys.getsizeof(l)", shown(l.as_any()));
    }
}

fn instance_program(py: Python<'_>, rng: &mut Rng, run: &mut Run, program: usize) {
    let cls = py.class(&format!("C{program}")).unwrap();
    let mut objs: Vec<Bound<'_>> = Vec::new();
    run.script
        .push_str(&format!("class C{program}: pass\nobjs = []\n"));
    for _ in 0..120 {
        if objs.is_empty() || rng.below(8) == 0 {
            objs.push(cls.call0().unwrap());
            run.step(
                &format!("objs.append(C{program}())"),
                "len(objs)",
                objs.len().to_string(),
            );
            continue;
        }
        let i = rng.below(objs.len() as u64) as usize;
        let name = format!("a{}", rng.below(40));
        let v = rng.below(1000) as i64;
        let o = objs[i].clone();
        match rng.below(20) {
            0..=11 => {
                o.setattr(&name, &py.int(v).unwrap()).unwrap();
                let python = format!("objs[{i}].{name} = {v}");
                run.step(
                    &python,
                    "sys.getsizeof(objs[-1])",
                    objs[objs.len() - 1].getsizeof().to_string(),
                );
            }
            12..=14 => {
                let ok = o.delattr(&name).is_ok();
                let python = format!(
                    "try: del objs[{i}].{name}; ok = True\nexcept AttributeError: ok = False"
                );
                run.step(&python, "ok", if ok { "True" } else { "False" }.to_string());
            }
            15..=18 => {
                let d = o.getattr("__dict__").unwrap();
                let python = format!("d = objs[{i}].__dict__");
                run.step(&python, "repr(d), sys.getsizeof(d)", shown(&d));
            }
            _ => {
                objs.remove(i);
                run.step(
                    &format!("del objs[{i}]"),
                    "len(objs)",
                    objs.len().to_string(),
                );
            }
        }
    }
}

#[test]
fn random_container_programs_print_what_cpython_prints() {
    let mut run = Run {
        script: "import sys\n".into(),
        ..Run::default()
    };
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    Runtime::new().with(|py| {
        for program in 0..60 {
            match program % 4 {
                0 => dict_program(py, &mut rng, &mut run),
                1 => set_program(py, &mut rng, &mut run),
                2 => list_program(py, &mut rng, &mut run),
                _ => instance_program(py, &mut rng, &mut run, program),
            }
        }
    });
    let Some(check) = cross_check(run.lines.len()) else {
        return;
    };
    let cpython_lines = check.python().run(&run.script);
    assert_eq!(cpython_lines.len(), run.lines.len());
    for (i, (c, p)) in cpython_lines.iter().zip(&run.lines).enumerate() {
        assert_eq!(p, c, "line {i}: pyrt printed {p}, CPython {c}");
        check.compared(1);
    }
}
