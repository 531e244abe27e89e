# Embeds GLSL sources into the binary so the app never depends on its working directory.
# actviz_embed_shaders(<target> <glsl files...>) generates shaders.cpp with one
# `extern const char* const <name>_glsl` per file (name = file name, dots become underscores).

set(ACTVIZ_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_shaders_script.cmake)

function(actviz_embed_shaders target)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_shaders.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DINPUTS=${ARGN}" -P ${ACTVIZ_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${ACTVIZ_EMBED_SCRIPT}
    COMMENT "Embedding GLSL shaders"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
