// swift-tools-version:6.0
// PerformanceKit: scores Chinese budget performance self-evaluations (预算绩效自评) as the published rules do.
// No package dependencies: Foundation and the Swift toolchain only, so that embedding it costs nothing.
import PackageDescription

let package = Package(
    name: "PerformanceKit",
    products: [
        .library(name: "PerformanceKit", targets: ["PerformanceKit"]),
        .executable(name: "perfscore", targets: ["perfscore"]),
    ],
    targets: [
        // The rule profiles of rules/ (linked as Rules/Profiles) are compiled into the library as bytes.
        .target(name: "PerformanceKit", exclude: ["Rules/Profiles/README.md"], resources: [.embedInCode("Rules/Profiles")]),
        .executableTarget(name: "perfscore", dependencies: ["PerformanceKit"]),
        .testTarget(
            name: "PerformanceKitTests",
            dependencies: ["PerformanceKit", "perfscore"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
