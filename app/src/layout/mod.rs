//! The geometry of the pictures, as plain functions of a scene: where each station of the path
//! sits, where each packet is at a moment of the animation, the ladder's columns and rungs,
//! the retry timeline's marks, the packet list's scrolling. Tested natively; the components
//! (`ui/`) only draw what these return.

mod ladder;
mod nodes;
mod path;
mod scroll;
mod timeline;

pub use ladder::*;
pub use nodes::*;
pub use path::*;
pub use scroll::*;
pub use timeline::*;

#[cfg(test)]
mod tests;
