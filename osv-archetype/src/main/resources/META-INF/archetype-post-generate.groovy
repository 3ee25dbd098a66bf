// validationRegex is not enforced in batch mode (-B), so the inputs are checked here as well. A rejected
// input removes what was generated: no half-made project is left behind.
def props = request.properties
def fail = { String message ->
    def project = new File(request.outputDirectory, request.artifactId)
    if (project.isDirectory()) {
        project.deleteDir()
    }
    throw new IllegalArgumentException(message)
}
def arch = props.getProperty('arch')
if (!(arch in ['x64', 'aarch64'])) {
    fail("arch must be x64 or aarch64, got: ${arch}")
}
def profile = props.getProperty('driversProfile')
if (!(profile ==~ /[A-Za-z0-9_-]+/)) {
    fail("driversProfile must be a profile name such as virtio-pci or microvm, got: ${profile}")
}
def imageName = props.getProperty('imageName')
if (!(imageName ==~ /[A-Za-z0-9._-]+/)) {
    fail("imageName may contain only letters, digits, '.', '_' and '-', got: ${imageName}")
}
