//! Field-label synonyms and label matching. TODO: being written.
