namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
public sealed class TrainerKindNamesTests
{
    [TestCase(TrainerKind.FastForest, "fastforest")]
    [TestCase(TrainerKind.FastTree, "fasttree")]
    [TestCase(TrainerKind.LightGbm, "lightgbm")]
    public void FormatAndParse_UseTheCliNames(TrainerKind kind, string name)
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrainerKindNames.Format(kind), Is.EqualTo(name));
            Assert.That(TrainerKindNames.Parse(name), Is.EqualTo(kind));
            Assert.That(TrainerKindNames.TryParse(name.ToUpperInvariant(), out var upper), Is.True);
            Assert.That(upper, Is.EqualTo(kind));
        });
    }

    [TestCase("")]
    [TestCase(" fasttree")]
    [TestCase("FastForestRegression")]
    [TestCase("sdca")]
    [TestCase(null)]
    public void TryParse_WhenUnknown_Fails(string? name)
    {
        Assert.That(TrainerKindNames.TryParse(name, out _), Is.False);
    }

    [Test]
    public void Parse_WhenUnknown_ThrowsListingTheNames()
    {
        Assert.That(() => TrainerKindNames.Parse("sdca"), Throws.ArgumentException.With.Message.Contains("fastforest, fasttree, lightgbm"));
    }

    [Test]
    public void All_ListsEveryKindInEnumOrder()
    {
        Assert.That(TrainerKindNames.All, Is.EqualTo(Enum.GetValues<TrainerKind>().Select(TrainerKindNames.Format)));
    }
}
