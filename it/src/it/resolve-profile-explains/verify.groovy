import groovy.json.JsonSlurper

def osv = new File(basedir, 'target/osv')
def json = new JsonSlurper().parse(new File(osv, 'drivers-profile.json'))
assert json.arch == 'x64'
assert json.profile == 'microvm'
assert json.includes == ['hpet']
assert json.enabled == ['acpi', 'hpet', 'mmio', 'pci', 'virtio', 'virtio_blk', 'virtio_net']
def byName = json.drivers.collectEntries { [it.driver, it] }
assert byName.hpet.reason == 'user-include'
assert byName.acpi.reason == 'implied' && byName.acpi.impliedBy == 'hpet'
assert byName.pci.impliedBy == 'acpi'
assert byName.mmio.reason == 'profile' && byName.mmio.origin == 'x64/microvm.mk:2'
assert byName.xen.enabled == false

def text = new File(osv, 'drivers-profile.txt').text
assert text.contains('profile: microvm (x64/microvm.mk)')
assert text =~ /(?m)^virtio_blk\s+on\s+set by profile microvm at x64\/microvm.mk:3$/

def mk = new File(osv, 'drivers.mk').readLines().findAll { !it.startsWith('#') }
assert mk[0] == 'conf_drivers_profile=microvm'
assert mk.contains('conf_drivers_hpet=1') && mk.contains('conf_drivers_xen=0')
assert mk.size() == 22

def kconfig = new File(osv, 'drivers.kconfig').text
assert kconfig.contains('CONF_drivers_profile_base=y')  // microvm + hpet is not a kconfig profile
return true
