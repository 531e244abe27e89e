# `cpack -G DEB` (run in the build folder): a Debian package of what packaging/install.cmake installs,
# under /usr. Its Depends are computed from the binary's shared libraries by dpkg-shlibdeps (dpkg-dev),
# plus the one file actviz opens at run time that no library names: DejaVu Sans, for Greek (α, σ, ∂).
# No postinst is needed: Debian's desktop-file-utils, shared-mime-info and hicolor-icon-theme refresh
# their caches through dpkg triggers on the folders these files go to.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME actviz)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "actviz maintainers <maintainers@users.noreply.b-seed-75d4ff35.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "visualiser for neural-network activations and gradient flow")
# dpkg's long description (CPack puts the summary above it and indents each line; a line of "." is
# dpkg's blank line).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "actviz shows activation functions and their derivatives, softmax with
temperature, and gradients flowing through deep networks, and trains small
classifiers in the window, so that students, teachers and engineers can see
why sigmoid's gradients vanish, why ReLUs die and what softmax's temperature
does.
.
A command line on the same core (actviz list, eval, softmax, gradflow, train,
bakeoff) prints every number as CSV. Sessions are saved as *.actviz.json.")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${ACTVIZ_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
# Run, not linked, so shlibdeps cannot see them: rsvg-convert draws a chart's 2x PNG from its SVG;
# zenity or kdialog is the desktop's file chooser (the in-app browser serves without them).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "librsvg2-bin, zenity | kdialog")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # actviz_<version>_<arch>.deb
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # Debian ships stripped binaries; ~10× smaller
include(CPack)
