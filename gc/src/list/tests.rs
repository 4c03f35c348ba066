//! Unit tests of the list operations against a `Vec` model.

use super::header::GcHeader;
use super::*;

/// A fake GC object: a header followed by 16 bytes standing for the object.
struct Node(Box<[GcHeader; 2]>);

impl Node {
    fn new() -> Node {
        Node(Box::new([GcHeader::new(), GcHeader::new()]))
    }
    fn gc(&self) -> &GcHeader {
        &self.0[0]
    }
    fn obj(&self) -> ObjRef {
        self.0[0].object()
    }
}

fn order(list: &GcList, nodes: &[Node]) -> Vec<usize> {
    list.objects()
        .into_iter()
        .map(|o| nodes.iter().position(|n| n.obj() == o).unwrap())
        .collect()
}

#[test]
fn append_move_merge_remove_keep_cpython_order() {
    let nodes: Vec<Node> = (0..6).map(|_| Node::new()).collect();
    let a = GcList::new();
    let b = GcList::new();
    assert!(a.is_empty() && a.first().is_none());
    assert_eq!(a.len(), 0);
    for n in &nodes[..4] {
        // SAFETY: untracked nodes, alive for the test.
        unsafe { a.append(n.gc()) };
    }
    for n in &nodes[4..] {
        // SAFETY: as above.
        unsafe { b.append(n.gc()) };
    }
    assert_eq!(order(&a, &nodes), [0, 1, 2, 3]);
    // SAFETY: node 1 is linked in `a`.
    unsafe { b.move_to_end(nodes[1].gc()) };
    assert_eq!(order(&a, &nodes), [0, 2, 3]);
    assert_eq!(order(&b, &nodes), [4, 5, 1]);
    a.merge_into(&b);
    assert!(a.is_empty());
    assert_eq!(order(&b, &nodes), [4, 5, 1, 0, 2, 3]);
    // SAFETY: node 0 is linked in `b`.
    unsafe { GcList::remove(nodes[0].gc()) };
    assert!(!nodes[0].gc().is_tracked());
    assert_eq!(b.check_invariants(ListFlags::CLEAR), Ok(5));
    assert_eq!(a.check_invariants(ListFlags::CLEAR), Ok(0));
}

#[test]
fn flags_survive_moves_and_untracking_keeps_only_finalized() {
    let nodes: Vec<Node> = (0..2).map(|_| Node::new()).collect();
    let a = GcList::new();
    nodes[0].gc().set_finalized();
    for n in &nodes {
        // SAFETY: untracked nodes, alive for the test.
        unsafe { a.append(n.gc()) };
    }
    assert!(nodes[0].gc().is_finalized());
    nodes[1].gc().reset_refs(0); // sets COLLECTING (and loses the prev link)
    let err = a.check_invariants(ListFlags::CLEAR).unwrap_err();
    assert!(matches!(err, GcError::Corrupt(_)), "{err}");
    // Restore the link by moving node 1 to another list: move reads its prev link, so
    // rebuild it first by hand through a fresh list.
    let b = GcList::new();
    nodes[1].gc().set_prev_keep_flags(nodes[0].gc());
    // SAFETY: node 1 is linked again.
    unsafe { b.move_to_end(nodes[1].gc()) };
    assert!(nodes[1].gc().is_collecting());
    let flags = ListFlags {
        collecting: true,
        unreachable: false,
    };
    assert_eq!(b.check_invariants(flags), Ok(1));
    b.clear_collecting();
    assert_eq!(b.check_invariants(ListFlags::CLEAR), Ok(1));
    // SAFETY: node 0 is linked in `a`.
    unsafe { GcList::remove(nodes[0].gc()) };
    assert_eq!(nodes[0].gc().raw(), (0, PREV_MASK_FINALIZED_FOR_TEST));
}

const PREV_MASK_FINALIZED_FOR_TEST: usize = super::header::PREV_MASK_FINALIZED;

#[test]
fn dropping_a_list_untracks_its_members() {
    let nodes: Vec<Node> = (0..3).map(|_| Node::new()).collect();
    {
        let a = GcList::new();
        for n in &nodes {
            // SAFETY: untracked nodes that outlive the list.
            unsafe { a.append(n.gc()) };
        }
    }
    assert!(nodes.iter().all(|n| !n.gc().is_tracked()));
}

#[test]
#[should_panic(expected = "into itself")]
fn merging_a_list_into_itself_panics() {
    let a = GcList::new();
    a.merge_into(&a);
}
