//! TODO(family input): being written.

use super::Ctx;
use crate::finding::Finding;

pub(super) fn check(_ctx: &Ctx, _out: &mut Vec<Finding>) {}
