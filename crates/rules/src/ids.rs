//! Identifier algorithms: GB 11643 resident ID, GB 32100 credit code, GB 11714 organisation code,
//! GS 15 registration number, mainland mobile ranges. TODO: being written.
