using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Diagnostics;

/// <summary>
/// Reads an <c>explain</c> answer (verbosity executionStats) of a replica set or standalone server, in the shapes MongoDB
/// documents: a find (or a fully pushed-down aggregate) has <c>queryPlanner</c> and <c>executionStats</c> at the top; an
/// aggregate with stages outside the query layer has <c>stages</c>, the first a <c>$cursor</c> holding both. The winning
/// plan is a tree (<c>inputStage</c>, <c>inputStages</c>), under <c>queryPlan</c> when the slot-based engine ran it.
/// Sharded answers (<c>shards</c>) are refused, not read.
/// </summary>
internal static class MongoExplainAnswer
{
    public static MongoOperationDiagnosis Read(BsonDocument command, BsonDocument answer)
    {
        var pipeline = answer.GetValue("stages", new BsonArray()).AsBsonArray.Select(stage => stage.AsBsonDocument).ToList();
        var cursor = pipeline.Count > 0 && pipeline[0].Contains("$cursor") ? pipeline[0]["$cursor"].AsBsonDocument : answer;
        var outside = pipeline.Where(stage => !stage.Contains("$cursor")).ToList();
        var winning = Document(Document(cursor, "queryPlanner"), "winningPlan");
        var tree = winning.Contains("queryPlan") ? Document(winning, "queryPlan") : winning;
        if (tree.Contains("shards"))
        {
            throw new InvalidOperationException("The explain answer is a sharded cluster's (per-shard plans); only a replica set's or a standalone server's is read.");
        }

        var stats = Document(cursor, "executionStats");

        var nodes = Nodes(tree).ToList();
        List<string> plan = [.. Flow(tree), .. outside.Select(stage => stage.GetElement(0).Name)];
        var last = outside.LastOrDefault(stage => stage.Contains("nReturned"));
        return new MongoOperationDiagnosis(
            command.ToJson(),
            plan,
            [.. nodes.Select(node => node.GetValue("indexName", BsonNull.Value)).OfType<BsonString>().Select(name => name.Value).Distinct(StringComparer.Ordinal)],
            Number(stats, "totalKeysExamined"),
            Number(stats, "totalDocsExamined"),
            last is null ? Number(stats, "nReturned") : Number(last, "nReturned"),
            last is null ? Number(stats, "executionTimeMillis") : Number(last, "executionTimeMillisEstimate"),
            nodes.Any(node => node.GetValue("stage", BsonNull.Value) is BsonString { Value: "SORT" }) || outside.Any(stage => stage.Contains("$sort")));
    }

    /// <summary>The stages in the order data flows: children first; branches of an OR side by side.</summary>
    private static List<string> Flow(BsonDocument node)
    {
        List<string> steps = [];
        if (node.GetValue("inputStage", BsonNull.Value) is BsonDocument input)
        {
            steps.AddRange(Flow(input));
        }
        else if (node.GetValue("inputStages", BsonNull.Value) is BsonArray inputs)
        {
            steps.Add("(" + string.Join(" | ", inputs.Select(branch => string.Join(" → ", Flow(branch.AsBsonDocument)))) + ")");
        }

        var stage = node.GetValue("stage", "?").ToString()!;
        steps.Add(node.GetValue("indexName", BsonNull.Value) is BsonString index ? $"{stage} {index.Value}" : stage);
        return steps;
    }

    private static IEnumerable<BsonDocument> Nodes(BsonDocument node)
    {
        yield return node;
        var children = node.GetValue("inputStage", BsonNull.Value) is BsonDocument input
            ? [input]
            : node.GetValue("inputStages", new BsonArray()).AsBsonArray.Select(child => child.AsBsonDocument);
        foreach (var descendant in children.SelectMany(Nodes))
        {
            yield return descendant;
        }
    }

    private static BsonDocument Document(BsonDocument parent, string name) =>
        parent.GetValue(name, BsonNull.Value) as BsonDocument
        ?? throw new InvalidOperationException($"The explain answer has no '{name}' where expected (a sharded cluster or an unknown shape).");

    private static long Number(BsonDocument parent, string name) =>
        parent.GetValue(name, BsonNull.Value) is { IsNumeric: true } value ? value.ToInt64() : 0;
}
