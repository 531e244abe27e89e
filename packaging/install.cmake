# `cmake --install`: the binary and its desktop integration, in the standard places (GNUInstallDirs):
#   bin/actviz
#   share/applications/<id>.desktop              the menu entry; opens sessions (Exec=actviz %f)
#   share/metainfo/<id>.metainfo.xml              AppStream: what software centres show
#   share/mime/packages/<id>.xml                  the session file type, *.actviz.json
#   share/icons/hicolor/scalable/apps/<id>.svg    the icon, and PNGs at 16…256 px rendered from it
#   share/man/man1/actviz.1.gz                    the manual, generated from --help by help2man
# packaging/cpack.cmake turns the same rules into a Debian package; tests/install checks them.
include(GNUInstallDirs)

# One name for the app across the desktop file, icon, metainfo and MIME package (reverse DNS, as
# AppStream asks). Not yet published: the id and homepage follow the project's future home on GitHub.
set(ACTVIZ_APP_ID "io.github.actviz.actviz")
set(ACTVIZ_HOMEPAGE "https://github.com/actviz/actviz" CACHE STRING "actviz's homepage (AppStream metainfo, Debian package)")
set(ACTVIZ_SCREENSHOT_URL "https://raw.githubusercontent.com/actviz/actviz/main/assets" CACHE STRING
    "Where AppStream's screenshots (the PNGs in assets/) are published")
set(ACTVIZ_SESSION_MIME_TYPE "application/x-actviz-session")

install(TARGETS actviz RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The data files below need three Debian tools at build time; a developer who only runs the app can
# turn them off (the binary still installs).
option(ACTVIZ_DESKTOP_DATA "Build and install the icon, man page, desktop entry, metainfo and MIME type" ON)
if(NOT ACTVIZ_DESKTOP_DATA)
  return()
endif()

find_program(ACTVIZ_RSVG_CONVERT rsvg-convert)
find_program(ACTVIZ_HELP2MAN help2man)
find_program(ACTVIZ_GZIP gzip)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
if(NOT ACTVIZ_RSVG_CONVERT OR NOT ACTVIZ_HELP2MAN OR NOT ACTVIZ_GZIP)
  message(FATAL_ERROR "The icon and man page need rsvg-convert and help2man: apt-get install librsvg2-bin help2man "
                      "(third_party/install-deps.sh installs them), or configure with -DACTVIZ_DESKTOP_DATA=OFF")
endif()

set(data_dir ${CMAKE_BINARY_DIR}/packaging)
set(source_dir ${CMAKE_CURRENT_LIST_DIR})

# Desktop entry, metainfo and MIME type: text with the id, version and MIME type filled in.
configure_file(${source_dir}/actviz.desktop.in ${data_dir}/${ACTVIZ_APP_ID}.desktop @ONLY)
configure_file(${source_dir}/actviz.metainfo.xml.in ${data_dir}/${ACTVIZ_APP_ID}.metainfo.xml @ONLY)
configure_file(${source_dir}/actviz-mime.xml.in ${data_dir}/${ACTVIZ_APP_ID}.xml @ONLY)

# Icons: rendered at build time rather than committed, so a PNG can never lag behind an edit of the
# SVG (rsvg-convert takes ~10 ms a size). 16 and 24 px come from a version drawn for small sizes.
set(icon_pngs "")
foreach(size 16 24 32 48 64 128 256)
  if(size LESS_EQUAL 24)
    set(svg ${source_dir}/icons/actviz-small.svg)
  else()
    set(svg ${source_dir}/icons/actviz.svg)
  endif()
  set(png ${data_dir}/icons/${size}x${size}/${ACTVIZ_APP_ID}.png)
  add_custom_command(OUTPUT ${png}
                     COMMAND ${CMAKE_COMMAND} -E make_directory ${data_dir}/icons/${size}x${size}
                     COMMAND ${ACTVIZ_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${svg}
                     DEPENDS ${svg}
                     COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
  list(APPEND icon_pngs ${png})
  install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# The man page: help2man reads `actviz --help` and `--version`; the subcommands' own help
# (src/cli/usage.cpp) comes in through an include written from the binary, and the hand-written
# sections (environment, files, exit status) through actviz.h2m. Gzipped without a timestamp, as
# Debian ships manuals (-n: the same bytes from the same input).
set(man_page ${data_dir}/actviz.1)
add_custom_command(OUTPUT ${man_page} ${man_page}.gz
                   COMMAND Python3::Interpreter ${source_dir}/man/subcommands_h2m.py $<TARGET_FILE:actviz>
                           ${data_dir}/subcommands.h2m
                   COMMAND ${ACTVIZ_HELP2MAN} --no-info --section=1 --include=${source_dir}/man/actviz.h2m
                           --include=${data_dir}/subcommands.h2m --output=${man_page} $<TARGET_FILE:actviz>
                   COMMAND ${ACTVIZ_GZIP} -9 -n -f -k ${man_page}
                   DEPENDS actviz ${source_dir}/man/actviz.h2m ${source_dir}/man/subcommands_h2m.py
                   COMMENT "Writing the man page with help2man" VERBATIM)

add_custom_target(actviz_desktop_data ALL DEPENDS ${icon_pngs} ${man_page})

install(FILES ${data_dir}/${ACTVIZ_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${data_dir}/${ACTVIZ_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${data_dir}/${ACTVIZ_APP_ID}.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
install(FILES ${source_dir}/icons/actviz.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${ACTVIZ_APP_ID}.svg)
install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
