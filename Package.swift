// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Labbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "labbook", targets: ["labbook"]),
        .library(name: "MLEngine", targets: ["MLEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["CCmark"]),
        .target(name: "FileKinds"),
        .target(
            name: "NotebookFormat",
            dependencies: ["CommonMark", "FileKinds", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "MLEngine",
            dependencies: ["FileKinds", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Reports"),
        .target(name: "RunStorage", dependencies: ["FileKinds", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "NotebookRunner",
            dependencies: ["NotebookFormat", "MLEngine", "FileKinds", "Reports", "RunStorage"]
        ),
        .executableTarget(
            name: "labbook",
            dependencies: [
                "NotebookRunner",
                "NotebookFormat",
                "RunStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "LabbookBench", dependencies: ["MLEngine"]),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(name: "NotebookFormatTests", dependencies: ["NotebookFormat"]),
        .testTarget(name: "MLEngineTests", dependencies: ["MLEngine", "FileKinds"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"], resources: [.copy("Golden")]),
        .testTarget(name: "NotebookRunnerTests", dependencies: ["NotebookRunner", "MLEngine", "RunStorage"]),
        .testTarget(name: "RunStorageTests", dependencies: ["RunStorage"]),
        .testTarget(name: "LabbookCLITests", dependencies: ["labbook", "NotebookRunner", "NotebookFormat"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
