def log = new File(basedir, 'build.log').text
def order = [':resolve-profile (', ':generate-header (', 'maven-compiler-plugin:', 'maven-surefire-plugin:',
             'maven-jar-plugin:', ':image (', 'maven-install-plugin:']
def positions = order.collect { log.indexOf(it) }
assert positions.every { it >= 0 } : positions
assert positions == positions.sort(false) : "lifecycle order: ${positions}"

def target = new File(basedir, 'target')
assert new File(target, 'osv/gen/include/osv/drivers_config.h').text.contains('#define CONF_drivers_mmio 1\n')
assert new File(target, 'packaging-osv-image-1.0.jar').isFile()
assert new File(target, 'packaging-osv-image-1.0.img').isFile()
assert new File(target, 'osv/usr.manifest').text.contains('/app/packaging-osv-image-1.0.jar: ')
// installed: the jar as the main artifact, the image attached as type img
def repo = new File(localRepositoryPath, 'io/osvmaven/it/packaging-osv-image/1.0')
assert new File(repo, 'packaging-osv-image-1.0.jar').isFile()
assert new File(repo, 'packaging-osv-image-1.0.img').isFile()
return true
