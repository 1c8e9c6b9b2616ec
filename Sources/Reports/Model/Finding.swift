/// A one-line conclusion that names its subject and links to it, e.g. a sweep's best run:
/// **Best:** [`income--max_depth=12`](income--max_depth=12.html) — tree roc_auc 0.8431 (goal >= 0.80 met).
///
/// The subject is shown as code; in HTML it links to `link`, in Markdown to `markdownLink`
/// (so each report links to its own format). Text is plain, escaped on output; in `detail`
/// a backtick-delimited run is shown as code.
///
/// ```swift
/// Finding(label: "Best", subject: "nb--depth=4", link: "nb--depth=4.html", markdownLink: "nb--depth=4.md",
///         detail: "tree roc_auc 0.8431")
/// ```
public struct Finding: Sendable, Equatable, Codable {
    /// What the line states, e.g. `Best`; shown in bold before a colon.
    public var label: String
    /// What it names, e.g. a run's report name; shown as code.
    public var subject: String
    /// Where the subject links in HTML (a relative path), if anywhere.
    public var link: String?
    /// Where the subject links in Markdown (a relative path), if anywhere.
    public var markdownLink: String?
    /// What follows the subject after a dash, e.g. `tree roc_auc 0.8431 (goal >= 0.80 met)`; may be empty.
    public var detail: String

    /// Creates a finding; `markdownLink` defaults to `link`.
    public init(label: String, subject: String, link: String? = nil, markdownLink: String? = nil, detail: String = "") {
        self.label = label
        self.subject = subject
        self.link = link
        self.markdownLink = markdownLink ?? link
        self.detail = detail
    }
}
