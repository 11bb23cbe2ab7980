//! The packet list's scroll geometry, past the browser's element-height cap.

/// Height of a row of the packet list, in px.
pub const ROW_HEIGHT: f64 = 22.0;

/// Browsers cap an element's height (about 33.5 million px in Chromium): past this, the
/// scrollbar covers the rows at a coarser scale, and rows are placed relative to it.
const MAX_SPACER_PX: f64 = 30_000_000.0;

/// Rows the packet list shows at once.
pub const VISIBLE_ROWS: f64 = 18.0;

/// The scroll geometry of a list of `total` rows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scroll {
    pub total: u32,
    /// Rows per `ROW_HEIGHT` of scrollbar (1 unless the list is taller than the cap).
    pub scale: f64,
}

impl Scroll {
    pub fn of(total: u32) -> Scroll {
        Scroll {
            total,
            scale: (total as f64 * ROW_HEIGHT / MAX_SPACER_PX).max(1.0),
        }
    }

    pub fn spacer_height(self) -> f64 {
        self.total as f64 * ROW_HEIGHT / self.scale
    }

    /// The (fractional) row at the top of the viewport: the scrollbar's range maps onto the
    /// rows' range, so that its end shows the last rows.
    pub fn row_at(self, scroll_top: f64) -> f64 {
        let rows = self.total as f64 - VISIBLE_ROWS;
        let range = self.spacer_height() - VISIBLE_ROWS * ROW_HEIGHT;
        if rows <= 0.0 || range <= 0.0 {
            return scroll_top / ROW_HEIGHT;
        }
        (scroll_top * rows / range).clamp(0.0, rows)
    }

    /// Where row `at` is drawn, in the spacer's pixels.
    pub fn top_of(self, at: u32, scroll_top: f64) -> f64 {
        scroll_top + (at as f64 - self.row_at(scroll_top)) * ROW_HEIGHT
    }
}
