//! Namedtuple classes and `recordclass`-like records against CPython 3.12.1 (oracle 097 and
//! the numbers `python3.12` printed for the Python quoted next to them), and the memory of
//! points of every kind, traced as `tracemalloc` does.

use pyrt::{Bound, CompareOp, PyAny, PyTuple, Python, Runtime};

fn ints<'py>(py: Python<'py>, values: &[i64]) -> Vec<Bound<'py, PyAny>> {
    values
        .iter()
        .map(|&v| py.int(v).unwrap().into_any())
        .collect()
}

#[test]
fn namedtuples_behave_like_cpython_oracle_097() {
    Runtime::new().with(|py| {
        // Point = namedtuple('Point', ['x', 'y']); p = Point(3, 4)
        let point = py.namedtuple("Point", &["x", "y"]).unwrap();
        let p = point.call(ints(py, &[3, 4])).unwrap();
        assert_eq!(p.repr().unwrap(), "Point(x=3, y=4)");
        let fields = ["x", "y"].map(|f| p.getattr(f).unwrap().repr().unwrap());
        assert_eq!(fields, ["3", "4"]);
        let as_tuple = p.cast::<PyTuple>().unwrap();
        assert_eq!(as_tuple.get_item(1).unwrap().repr().unwrap(), "4");
        assert_eq!(p.len().unwrap(), 2);
        let t = py.tuple(ints(py, &[3, 4])).unwrap();
        assert!(p.rich_compare_bool(&t, CompareOp::Eq).unwrap());
        assert!(t.rich_compare_bool(&p, CompareOp::Eq).unwrap());
        assert!(!p.rich_compare_bool(&t, CompareOp::Ne).unwrap());
        assert_eq!(p.hash().unwrap(), t.hash().unwrap());
        // sys.getsizeof(Point), sys.getsizeof(p): 936 56
        assert_eq!((point.getsizeof(), p.getsizeof()), (936, 56));
        assert_eq!(p.getattr("_fields").unwrap().repr().unwrap(), "('x', 'y')");
        let mixed = point
            .call([
                py.str("a").unwrap().into_any(),
                py.list(ints(py, &[1])).unwrap().into_any(),
            ])
            .unwrap();
        assert_eq!(mixed.repr().unwrap(), "Point(x='a', y=[1])");
    });
}

#[test]
fn namedtuple_errors_match_cpython() {
    Runtime::new().with(|py| {
        let point = py.namedtuple("Point", &["x", "y"]).unwrap();
        let p = point.call(ints(py, &[3, 4])).unwrap();
        let cases = [
            (p.setattr("x", &py.int(5).unwrap()), "AttributeError: can't set attribute"),
            (p.getattr("z").map(drop), "AttributeError: 'Point' object has no attribute 'z'"),
            (p.setattr("z", &py.int(1).unwrap()), "AttributeError: 'Point' object has no attribute 'z'"),
            (
                point.call(ints(py, &[1])).map(drop),
                "TypeError: Point.__new__() missing 1 required positional argument: 'y'",
            ),
            (
                point.call(ints(py, &[])).map(drop),
                "TypeError: Point.__new__() missing 2 required positional arguments: 'x' and 'y'",
            ),
            (
                point.call(ints(py, &[1, 2, 3])).map(drop),
                "TypeError: Point.__new__() takes 3 positional arguments but 4 were given",
            ),
            (
                py.namedtuple("P3", &["a", "b", "c"])
                    .unwrap()
                    .call(ints(py, &[]))
                    .map(drop),
                "TypeError: P3.__new__() missing 3 required positional arguments: 'a', 'b', and 'c'",
            ),
            (
                py.namedtuple("Bad", &["x", "_y"]).map(drop),
                "ValueError: Field names cannot start with an underscore: '_y'",
            ),
            (
                py.namedtuple("Bad", &["x", "x"]).map(drop),
                "ValueError: Encountered duplicate field name: 'x'",
            ),
            (
                py.namedtuple("Bad", &["1x"]).map(drop),
                "ValueError: Type names and field names must be valid identifiers: '1x'",
            ),
        ];
        for (result, message) in cases {
            assert_eq!(result.unwrap_err().to_string(), message);
        }
    });
}

#[test]
fn namedtuples_are_tuples_in_operations() {
    Runtime::new().with(|py| {
        // P(1,2) + (3,) -> (1, 2, 3) of type tuple; P(1,2)*2 -> (1, 2, 1, 2); E() -> 40 bytes
        let point = py.namedtuple("Point", &["x", "y"]).unwrap();
        let p = point.call(ints(py, &[1, 2])).unwrap();
        let sum = p.add(&py.tuple(ints(py, &[3])).unwrap()).unwrap();
        assert_eq!(
            (sum.repr().unwrap().as_str(), sum.type_name()),
            ("(1, 2, 3)", "tuple")
        );
        let twice = p.mul(&py.int(2).unwrap()).unwrap();
        assert_eq!(twice.repr().unwrap(), "(1, 2, 1, 2)");
        assert!(p.cast::<PyTuple>().is_ok());
        let empty = py
            .namedtuple("E", &[])
            .unwrap()
            .call(ints(py, &[]))
            .unwrap();
        assert_eq!(
            (empty.repr().unwrap().as_str(), empty.getsizeof()),
            ("E()", 40)
        );
        assert!(
            empty
                .rich_compare_bool(&py.tuple(ints(py, &[])).unwrap(), CompareOp::Eq)
                .unwrap()
        );
    });
}

#[test]
fn records_have_no_gc_header_and_mutable_fields() {
    Runtime::new().with(|py| {
        let point = py.record_class("Point", &["x", "y", "z"]).unwrap();
        let p = point.call(ints(py, &[1, 2, 3])).unwrap();
        assert_eq!(
            (p.repr().unwrap().as_str(), p.getsizeof()),
            ("Point(x=1, y=2, z=3)", 48)
        );
        let pair = py.record_class("Pair", &["a", "b"]).unwrap();
        assert_eq!(pair.call(ints(py, &[1, 2])).unwrap().getsizeof(), 40);
        let v = py.int(1000).unwrap();
        p.setattr("x", &v).unwrap();
        assert_eq!(
            py.getrefcount(&v),
            3,
            "the handle, the field and the argument"
        );
        p.setattr("x", &py.none()).unwrap();
        assert_eq!(py.getrefcount(&v), 2, "the replaced value was released");
        let q = point.call(ints(py, &[1, 2, 3])).unwrap();
        p.setattr("x", &py.int(1).unwrap()).unwrap();
        assert!(p.rich_compare_bool(&q, CompareOp::Eq).unwrap());
        assert_eq!(
            p.hash().unwrap_err().to_string(),
            "TypeError: unhashable type: 'Point'"
        );
        assert_eq!(
            p.delattr("x").unwrap_err().to_string(),
            "AttributeError: can't delete attribute 'x'"
        );
    });
}

/// Bytes traced per point while `n` points are made into a preallocated list, rounded: the
/// method of `tracemalloc` in CPython, whose numbers for 100,000 points with three float fields
/// were dict 256, class 160, `__slots__` 128, namedtuple 144 (`python3.12`, see the example
/// `million_points`).
fn traced_per_point<'py>(
    py: Python<'py>,
    n: usize,
    make: impl Fn(Vec<Bound<'py, PyAny>>) -> Bound<'py, PyAny>,
) -> usize {
    let points = py.list((0..n).map(|_| py.none().into_any())).unwrap();
    py.tracemalloc_start();
    for i in 0..n {
        let f = i as f64;
        let fields = [f, f + 0.5, f + 0.25].map(|v| py.float(v).unwrap().into_any());
        points.set_item(i as isize, &make(fields.to_vec())).unwrap();
    }
    let (current, _) = py.get_traced_memory();
    py.tracemalloc_stop();
    (current as f64 / n as f64).round() as usize
}

#[test]
fn points_take_what_they_take_in_cpython() {
    Runtime::new().with(|py| {
        let n = 20_000;
        let names = ["x", "y", "z"];
        let dict = traced_per_point(py, n, |f| {
            let pairs = names.iter().zip(f).map(|(k, v)| (py.str(k).unwrap(), v));
            py.dict_from_pairs(pairs).unwrap().into_any()
        });
        let class = py.class("PointClass").unwrap();
        let plain = traced_per_point(py, n, |f| {
            let p = class.call0().unwrap();
            names
                .iter()
                .zip(f)
                .for_each(|(k, v)| p.setattr(k, &v).unwrap());
            p
        });
        let slotted = py.slots_class("PointSlots", &names).unwrap();
        let slots = traced_per_point(py, n, |f| {
            let p = slotted.call0().unwrap();
            names
                .iter()
                .zip(f)
                .for_each(|(k, v)| p.setattr(k, &v).unwrap());
            p
        });
        let nt = py.namedtuple("PointTuple", &names).unwrap();
        let namedtuple = traced_per_point(py, n, |f| nt.call(f).unwrap());
        let rc = py.record_class("PointRecord", &names).unwrap();
        let record = traced_per_point(py, n, |f| rc.call(f).unwrap());
        assert_eq!(
            [dict, plain, slots, namedtuple, record],
            [256, 160, 128, 144, 120],
            "three 24-byte floats, plus 184, 48 + 40 of values, 56, 72 (one spare item) and 48"
        );
    });
}
