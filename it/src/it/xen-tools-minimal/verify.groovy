import groovy.json.JsonSlurper

def xen = new File(basedir, 'target/osv/xen')
['local.conf.inc', 'tools.Makefile.minimal', 'libs.Makefile.minimal', 'uselibs.mk.minimal',
 'configure-flags.txt', 'xen-tools-report.md', 'xen-tools-report.json'].each {
    assert new File(xen, it).isFile() : "missing ${it}"
}
def localConf = new File(xen, 'local.conf.inc').text
assert localConf.contains('ENABLE_MINIMAL_XEN_TOOLS = "true"')
assert localConf.contains('EXTRA_OEMAKE:append:pn-xen-tools = " CONFIG_MINIMAL_TOOLS=y"')
assert localConf.contains('xen-tools-libxenctrl')

// the libraries come in a build order: every library after the ones it links
def libs = new File(xen, 'libs.Makefile.minimal').readLines().findAll { it.startsWith('SUBDIRS-y += ') }*.substring(13)
assert libs.indexOf('toollog') < libs.indexOf('call')
assert libs.indexOf('call') < libs.indexOf('ctrl')
assert libs.indexOf('ctrl') < libs.indexOf('light')

def report = new JsonSlurper().parse(new File(xen, 'xen-tools-report.json'))
assert report.xenVersion == '4.19' && report.preset == 'minimal'
assert report.includes == ['xenstored', 'xl']
// the design table's minimal preset is not closed: the report shows the chains (xencommons -> xenstore, ...)
assert report.consistent == false
assert report.contradictions.any { it.chain == ['xencommons', 'xenstore'] }

def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] xen-tools: contradiction xencommons -> xenstore/
assert log.contains('Xen 4.19 tools: ')
return true
