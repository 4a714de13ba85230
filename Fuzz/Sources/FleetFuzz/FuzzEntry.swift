import FleetModel

/// One fuzz input: the bytes as a scenario file, plus the same text fed to the
/// flag parsers (a `--set PATH=VALUE`, a distribution, a `--vary` range).
/// Every input must end in a value or a thrown error: a crash, a trap or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fleetFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FuzzChecks.run(text)
    return 0
}

/// libFuzzer's driver, called from the executable's entry point (SwiftPM names it
/// `<target>_main`); it parses libFuzzer's flags and runs the loop.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FleetFuzz_main")
public func fleetFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return llvmFuzzerRunDriver(&count, &arguments, fleetFuzzOne)
}
