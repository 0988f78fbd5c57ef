using AutoRfpHex.Adapters.Mongo.Diagnostics;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Diagnostics;

/// <summary>
/// Reading explain answers (verbosity executionStats) in the shapes MongoDB documents, written by hand: a classic find
/// plan (IXSCAN → FETCH → LIMIT), one with a blocking SORT, a slot-based plan (<c>queryPlan</c>) of a pushed-down count,
/// and an aggregate whose sort runs in the pipeline after a <c>$cursor</c>.
/// </summary>
public sealed class ExplainAnswerReadingTests
{
    private static readonly BsonDocument Command = BsonDocument.Parse("{ find: 'scimResources', filter: { org: 'org-a' } }");

    [Fact]
    public void An_index_lookup_reads_as_IXSCAN_then_FETCH_with_its_index_and_counters()
    {
        var answer = BsonDocument.Parse("""
            {
              explainVersion: '1',
              queryPlanner: {
                namespace: 'bench.scimResources', parsedQuery: {}, rejectedPlans: [],
                winningPlan: {
                  stage: 'LIMIT', limitAmount: 100,
                  inputStage: {
                    stage: 'FETCH', filter: { type: { $eq: 'User' } },
                    inputStage: {
                      stage: 'IXSCAN', keyPattern: { org: 1, env: 1, 'search.userName': 1 }, indexName: 'tenant_search_userName_unique',
                      isMultiKey: false, isUnique: true, direction: 'forward', indexBounds: {}
                    }
                  }
                }
              },
              executionStats: {
                executionSuccess: true, nReturned: 1, executionTimeMillis: 2, totalKeysExamined: 1, totalDocsExamined: 1,
                executionStages: { stage: 'LIMIT', nReturned: 1 }
              },
              command: {}, serverInfo: {}, ok: 1.0
            }
            """);

        var read = MongoExplainAnswer.Read(Command, answer);

        read.Plan.Should().Equal("IXSCAN tenant_search_userName_unique", "FETCH", "LIMIT");
        read.Indexes.Should().Equal("tenant_search_userName_unique");
        (read.KeysExamined, read.DocsExamined, read.Returned, read.ExecutionMillis).Should().Be((1L, 1L, 1L, 2L));
        read.InMemorySort.Should().BeFalse();
        read.Command.Should().Be(Command.ToJson());
    }

    [Fact]
    public void A_blocking_SORT_stage_in_the_plan_is_an_in_memory_sort()
    {
        var answer = BsonDocument.Parse("""
            {
              queryPlanner: {
                winningPlan: {
                  stage: 'SORT', sortPattern: { created: 1, resourceId: 1 }, memLimit: 104857600, limitAmount: 100, type: 'simple',
                  inputStage: {
                    stage: 'FETCH', filter: { 'search.name.familyName': { $regex: '^abe' } },
                    inputStage: { stage: 'IXSCAN', indexName: 'tenant_type_role', keyPattern: { org: 1, env: 1, type: 1, role: 1 } }
                  }
                }
              },
              executionStats: { nReturned: 100, executionTimeMillis: 148, totalKeysExamined: 100001, totalDocsExamined: 100001 },
              ok: 1
            }
            """);

        var read = MongoExplainAnswer.Read(Command, answer);

        read.Plan.Should().Equal("IXSCAN tenant_type_role", "FETCH", "SORT");
        read.InMemorySort.Should().BeTrue();
        (read.KeysExamined, read.DocsExamined, read.Returned, read.ExecutionMillis).Should().Be((100_001L, 100_001L, 100L, 148L));
    }

    [Fact]
    public void A_slot_based_plan_is_read_from_queryPlan_and_an_OR_shows_its_branches()
    {
        var answer = BsonDocument.Parse("""
            {
              explainVersion: '2',
              queryPlanner: {
                winningPlan: {
                  queryPlan: {
                    stage: 'GROUP', planNodeId: 4,
                    inputStage: {
                      stage: 'OR', planNodeId: 3,
                      inputStages: [
                        { stage: 'IXSCAN', planNodeId: 1, indexName: 'tenant_search_userName_unique' },
                        { stage: 'FETCH', planNodeId: 5, inputStage: { stage: 'IXSCAN', planNodeId: 2, indexName: 'tenant_type_search_emails' } }
                      ]
                    }
                  },
                  slotBasedPlan: { slots: '...', stages: '...' }
                }
              },
              executionStats: { nReturned: NumberLong(1), executionTimeMillis: NumberLong(0), totalKeysExamined: 3, totalDocsExamined: 1 },
              ok: 1
            }
            """);

        var read = MongoExplainAnswer.Read(Command, answer);

        read.Plan.Should().Equal("(IXSCAN tenant_search_userName_unique | IXSCAN tenant_type_search_emails → FETCH)", "OR", "GROUP");
        read.Indexes.Should().Equal("tenant_search_userName_unique", "tenant_type_search_emails");
        (read.KeysExamined, read.DocsExamined, read.Returned).Should().Be((3L, 1L, 1L));
        read.InMemorySort.Should().BeFalse();
    }

    [Fact]
    public void A_pipeline_sort_after_the_cursor_is_an_in_memory_sort_and_the_last_stage_gives_rows_and_time()
    {
        var answer = BsonDocument.Parse("""
            {
              explainVersion: '1',
              stages: [
                {
                  $cursor: {
                    queryPlanner: {
                      winningPlan: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'tenant_type_created' } }
                    },
                    executionStats: { nReturned: 100001, executionTimeMillis: 310, totalKeysExamined: 100001, totalDocsExamined: 100001 }
                  },
                  nReturned: NumberLong(100001), executionTimeMillisEstimate: NumberLong(290)
                },
                { $addFields: { _sortKey: {} }, nReturned: NumberLong(100001), executionTimeMillisEstimate: NumberLong(420) },
                { $addFields: { _sortNoKey: {} }, nReturned: NumberLong(100001), executionTimeMillisEstimate: NumberLong(480) },
                {
                  $sort: { sortKey: { _sortNoKey: 1, _sortKey: 1, resourceId: 1 }, limit: NumberLong(100000) },
                  totalDataSizeSortedBytesEstimate: NumberLong(412000000), usedDisk: true, spills: NumberLong(4),
                  nReturned: NumberLong(100000), executionTimeMillisEstimate: NumberLong(1210)
                },
                { $skip: NumberLong(99000), nReturned: NumberLong(1000), executionTimeMillisEstimate: NumberLong(1215) }
              ],
              serverInfo: {}, ok: 1
            }
            """);

        var read = MongoExplainAnswer.Read(Command, answer);

        read.Plan.Should().Equal("IXSCAN tenant_type_created", "FETCH", "$addFields", "$addFields", "$sort", "$skip");
        read.Indexes.Should().Equal("tenant_type_created");
        read.InMemorySort.Should().BeTrue();
        (read.KeysExamined, read.DocsExamined, read.Returned, read.ExecutionMillis).Should().Be((100_001L, 100_001L, 1000L, 1215L));
    }

    [Fact]
    public void A_collection_scan_reads_no_index_keys()
    {
        var answer = BsonDocument.Parse("""
            {
              queryPlanner: { winningPlan: { stage: 'COLLSCAN', filter: {}, direction: 'forward' } },
              executionStats: { nReturned: 3, executionTimeMillis: 0, totalKeysExamined: 0, totalDocsExamined: 12 }, ok: 1
            }
            """);

        var read = MongoExplainAnswer.Read(Command, answer);

        read.Plan.Should().Equal("COLLSCAN");
        read.Indexes.Should().BeEmpty();
        (read.KeysExamined, read.DocsExamined, read.Returned).Should().Be((0L, 12L, 3L));
    }

    [Fact]
    public void A_sharded_answer_or_one_without_a_query_planner_is_refused_clearly()
    {
        var sharded = BsonDocument.Parse("{ queryPlanner: { winningPlan: { stage: 'SHARD_MERGE', shards: [] } }, executionStats: {}, ok: 1 }");
        var unknown = BsonDocument.Parse("{ ok: 1 }");

        var readSharded = () => MongoExplainAnswer.Read(Command, sharded);
        var readUnknown = () => MongoExplainAnswer.Read(Command, unknown);

        readSharded.Should().Throw<InvalidOperationException>().WithMessage("*sharded*");
        readUnknown.Should().Throw<InvalidOperationException>().WithMessage("*queryPlanner*");
    }
}
