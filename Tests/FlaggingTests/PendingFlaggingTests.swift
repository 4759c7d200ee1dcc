// The flags branch declares the FlaggingTests target before committing its tests; this
// file only lets the package build until they arrive (delete it then). It holds no test.
