/// What `atlas.html` shows, as plain text and numbers (docs/ATLAS.md). The atlas module fills it;
/// this module escapes every string of it, since names and excerpts are model text.
public struct AtlasReportInput: Sendable {
    public struct Cluster: Sendable {
        public var name: String
        public var form: String
        public var size: Int
        /// Rows of the sizes table: a run or model pair, then one count per verdict.
        public var sizeRows: [[String]]
        /// Typical spans: a label (run, conversation, turns) and the excerpt.
        public var excerpts: [(label: String, text: String)]

        public init(name: String, form: String, size: Int, sizeRows: [[String]], excerpts: [(label: String, text: String)]) {
            self.name = name
            self.form = form
            self.size = size
            self.sizeRows = sizeRows
            self.excerpts = excerpts
        }
    }

    /// One span on the map.
    public struct Point: Sendable {
        public var x: Double
        public var y: Double
        public var cluster: Int
        public var label: String

        public init(x: Double, y: Double, cluster: Int, label: String) {
            self.x = x
            self.y = y
            self.cluster = cluster
            self.label = label
        }
    }

    public var title: String
    public var method: String
    /// The verdict names, the sizes tables' columns after the first.
    public var verdicts: [String]
    /// Per run: name, model pairs, conversations, then looping count per verdict.
    public var runRows: [[String]]
    public var clusters: [Cluster]
    public var points: [Point]

    public init(
        title: String, method: String, verdicts: [String], runRows: [[String]], clusters: [Cluster], points: [Point]
    ) {
        self.title = title
        self.method = method
        self.verdicts = verdicts
        self.runRows = runRows
        self.clusters = clusters
        self.points = points
    }
}
