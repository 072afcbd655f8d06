using FhirOncology.Validation.Packages;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Packages;

/// <summary>Package manifest, cache layout, index-based loading, and our differential profiles' snapshots.</summary>
public sealed class ConformanceSourceTests(ValidatorFixture fixture)
{
    [Fact]
    public void Manifest_ListsPinnedPackagesInPrecedenceOrder()
    {
        var packages = FhirPackageManifest.Load(ValidatorFixture.ManifestPath);
        Assert.Equal(6, packages.Count);
        Assert.Equal(new FhirPackageId("hl7.fhir.r4.examples", "4.0.1"), packages[0]);
        Assert.Contains(new FhirPackageId("hl7.fhir.us.mcode", "4.0.0"), packages);
        Assert.All(packages, p => Assert.True(Directory.Exists(FhirPackageCache.PackageFolder(FhirPackageCache.DefaultPath, p)), $"{p} not restored"));
    }

    [Fact]
    public void Load_WritesIndexPerPackage_AndResolvesCanonicals()
    {
        Assert.All(fixture.Source.Packages, p =>
            Assert.True(File.Exists(Path.Combine(FhirPackageCache.PackageFolder(FhirPackageCache.DefaultPath, p), ".index.json"))));
        Assert.True(fixture.Source.Contains("http://hl7.org/fhir/StructureDefinition/Observation"));
        Assert.True(fixture.Source.Contains("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient|4.0.0"));
        Assert.True(fixture.Source.Contains("http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/variant"));
        Assert.True(fixture.Source.Contains("http://terminology.hl7.org/CodeSystem/v3-ActCode"));
        Assert.True(fixture.Source.Contains("http://hl7.org/fhir/StructureDefinition/patient-birthTime"));
    }

    [Fact]
    public void Load_FromIndexes_IsFast()
    {
        var source = ConformanceSource.FromManifest(ValidatorFixture.ManifestPath);
        Assert.True(source.Count > 5000);
        Assert.True(source.LoadTime < TimeSpan.FromSeconds(3), $"package load took {source.LoadTime}");
    }

    [Fact]
    public void MissingPackage_ClearError()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            ConformanceSource.FromPackages([new FhirPackageId("hl7.fhir.example.absent", "0.0.1")], FhirPackageCache.DefaultPath));
        Assert.Contains("restore-packages.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentialProfile_DerivedFromMcode_GetsSnapshotWithMcodeAndOwnSlices()
    {
        var profile = fixture.Validator.Profiles.Get($"{Corpus.Base}/StructureDefinition/onc-test-patient")!;
        var extension = profile.Root.Children["extension"];
        Assert.Contains(extension.Slices, slice => slice.SliceName == "risk" && slice.Min == 1);
        Assert.Equal(1, profile.Root.Children["birthDate"].Min);
        Assert.Equal(1, profile.Root.Children["gender"].Min); // inherited from mCODE / US Core
    }
}
