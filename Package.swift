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
        // What any command-line program needs beyond Foundation (an option table's scanning, help and completion
        // scripts; files read with a limit, written atomically, errors in plain words; a progress line), as
        // swift-argument-parser and swift-system would give it: no knowledge of performance evaluation.
        .target(name: "CommandLineKit"),
        .executableTarget(name: "perfscore", dependencies: ["PerformanceKit", "CommandLineKit"]),
        .testTarget(
            name: "PerformanceKitTests",
            dependencies: ["PerformanceKit", "CommandLineKit", "perfscore"],
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
