// validationRegex is not enforced in batch mode (-B), so the inputs are checked here as well.
def props = request.properties
def arch = props.getProperty('arch')
if (!(arch in ['x64', 'aarch64'])) {
    throw new IllegalArgumentException("arch must be x64 or aarch64, got: ${arch}")
}
def profile = props.getProperty('driversProfile')
if (!(profile ==~ /[A-Za-z0-9_-]+/)) {
    throw new IllegalArgumentException("driversProfile must be a profile name such as virtio-pci or microvm, got: ${profile}")
}
def imageName = props.getProperty('imageName')
if (!(imageName ==~ /[A-Za-z0-9._-]+/)) {
    throw new IllegalArgumentException("imageName may contain only letters, digits, '.', '_' and '-', got: ${imageName}")
}
