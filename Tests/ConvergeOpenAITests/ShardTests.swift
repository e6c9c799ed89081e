import ConvergeCore
import ConvergeStore
import Testing

@Suite struct ShardTests {
    @Test(arguments: [1, 2, 3, 7])
    func everyConversationIsInExactlyOneShard(count: Int) throws {
        let plan = Conversation.plan(seeds: (0..<10).map { "seed \($0)" }, replicates: 3)
        let shards = try (0..<count).map { try Shard(index: $0, count: count) }
        let parts = shards.map { $0.select(plan).map(\.index) }
        #expect(parts.flatMap { $0 }.sorted() == plan.map(\.index))
        #expect(parts.map(\.count).max()! - parts.map(\.count).min()! <= 1)
    }

    @Test func parsing() throws {
        #expect(try Shard(parsing: "1/4") == Shard(index: 1, count: 4))
        for bad in ["4/4", "-1/2", "1", "a/b", "1/0", ""] {
            #expect(throws: ConvergeError.self) { try Shard(parsing: bad) }
        }
    }
}
