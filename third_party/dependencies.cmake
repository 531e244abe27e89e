# Every third-party dependency comes from a Debian package (see debian-packages.txt).
# Nothing is downloaded and nothing generated is committed:
#  - glad 2 generates its GL 3.3 core loader into the build tree at build time;
#  - ImGui's GLFW and OpenGL 3 backends are compiled from the sources Debian ships, against glad.

find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(glfw3 3.3 REQUIRED)
find_package(OpenGL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)   # libimgui.a + stb
pkg_check_modules(GINAC REQUIRED IMPORTED_TARGET ginac)   # libginac + libcln: typed formulas' exact derivatives
find_package(nlohmann_json 3 REQUIRED)
find_package(GTest REQUIRED)
if(ACTVIZ_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()

# --- glad 2: OpenGL 3.3 core loader, generated offline (--reproducible) ---
find_program(GLAD_GENERATOR glad REQUIRED)
set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h
  COMMAND ${GLAD_GENERATOR} --quiet --reproducible --api gl:core=3.3 --extensions=GL_KHR_debug
          --out-path ${GLAD_OUT} c
  COMMENT "Generating the glad OpenGL 3.3 core loader"
  VERBATIM)
add_library(glad STATIC ${GLAD_OUT}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${GLAD_OUT}/include)
target_link_libraries(glad PUBLIC ${CMAKE_DL_LIBS})

# --- ImGui backends from Debian's example sources, using glad instead of ImGui's embedded loader ---
set(IMGUI_BACKEND_SOURCES /usr/share/doc/libimgui-dev/examples/backends)
add_library(imgui_backends STATIC
  ${IMGUI_BACKEND_SOURCES}/imgui_impl_glfw.cpp
  ${IMGUI_BACKEND_SOURCES}/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC /usr/include/imgui/backends)
# The custom-loader define plus a forced include of glad's header drop ImGui's embedded gl3w
# loader, which UBSan flags (imgui_impl_opengl3_loader.h:751).
target_compile_definitions(imgui_backends PRIVATE IMGUI_IMPL_OPENGL_LOADER_CUSTOM GLFW_INCLUDE_NONE)
set_source_files_properties(${IMGUI_BACKEND_SOURCES}/imgui_impl_opengl3.cpp
  PROPERTIES COMPILE_OPTIONS "-include;glad/gl.h")
# Listed before libimgui.a so the linker takes these objects, not the prebuilt ones in the archive.
target_link_libraries(imgui_backends PUBLIC glad glfw PkgConfig::IMGUI)
