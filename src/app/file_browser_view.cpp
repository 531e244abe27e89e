// [SECTION] Helpers   [SECTION] The folder row   [SECTION] Places   [SECTION] The list
// [SECTION] The file name, type and buttons   [SECTION] The window
#include "app/file_browser_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace actviz::app {
namespace {

// [SECTION] Helpers

const ImVec4 kRefusalColour(1.0f, 0.6f, 0.45f, 1.0f);
const ImVec4 kFolderColour(0.55f, 0.78f, 1.0f, 1.0f);

void set_text(std::array<char, 1024>& box, const std::string& text) {
    const std::size_t n = std::min(text.size(), box.size() - 1);
    std::memcpy(box.data(), text.data(), n);
    box[n] = '\0';
}

void remember_rect(FileBrowserView& view, const std::string& name) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    view.rects[name] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

std::string size_text(std::uintmax_t bytes) {
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%ju B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    else std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string last_part(const std::string& path) {
    if (path == "/") return "/";
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Moves to `folder`; the folder box follows, a failure is said where the user looks.
void go_to(FileBrowserView& view, const std::string& folder) {
    if (view.model.enter(folder)) view.message.clear();
    else view.message = view.model.error();
    set_text(view.folder_input, view.model.folder());
}

// What the name box (or a double-clicked file) asks for.
BrowserOutcome take_name(FileBrowserView& view, const std::string& typed) {
    const files::BrowserDecision decision = view.model.resolve(typed);
    switch (decision.kind) {
        case files::BrowserDecision::EnterFolder:
            go_to(view, decision.path);
            set_text(view.name_input, view.model.request().save ? view.model.request().suggested_name : "");
            break;
        case files::BrowserDecision::Choose: return {BrowserOutcome::Chosen, decision.path};
        case files::BrowserDecision::ConfirmOverwrite: view.replace_path = decision.path; break;
        case files::BrowserDecision::Refuse: view.message = decision.message; break;
    }
    return {};
}

// [SECTION] The folder row

void draw_folder_row(FileBrowserView& view) {
    const float em = ImGui::GetFontSize();
    ImGui::BeginDisabled(view.model.folder() == "/");
    if (ImGui::Button("↑ Parent folder")) go_to(view, files::parent_of(view.model.folder()));
    ImGui::EndDisabled();
    remember_rect(view, "parent");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-em * 0.2f);
    if (ImGui::InputText("##folder", view.folder_input.data(), view.folder_input.size(), ImGuiInputTextFlags_EnterReturnsTrue)) {
        go_to(view, files::absolute_path(view.folder_input.data(), view.model.folder()));
    }
    remember_rect(view, "folder");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The folder shown: type another and press Enter");
}

// [SECTION] Places

void draw_place(FileBrowserView& view, const char* label, const std::string& folder) {
    ImGui::PushID(folder.c_str());
    if (ImGui::Selectable(label, folder == view.model.folder())) go_to(view, folder);
    ImGui::PopID();
    remember_rect(view, "place:" + folder);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", folder.c_str());
}

void draw_places(FileBrowserView& view, const std::vector<std::string>& recent_folders) {
    ImGui::TextDisabled("Places");
    if (const char* home = std::getenv("HOME"); home && *home == '/') draw_place(view, "Home", home);
    if (!view.start_folder.empty()) draw_place(view, "Where it started", view.start_folder);
    draw_place(view, "Computer (/)", "/");
    if (recent_folders.empty()) return;
    ImGui::Spacing();
    ImGui::TextDisabled("Recent folders");
    for (const std::string& folder : recent_folders) draw_place(view, last_part(folder).c_str(), folder);
}

// [SECTION] The list

BrowserOutcome draw_entries(FileBrowserView& view, float height) {
    BrowserOutcome outcome;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("entries", 2, flags, ImVec2(0, height))) return outcome;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5.5f);
    ImGui::TableHeadersRow();
    const std::string chosen_name = view.name_input.data();
    std::string enter;  // after the loop: entering re-lists the entries being drawn
    for (const files::FolderEntry& entry : view.model.entries()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string label = entry.folder ? entry.name + "/" : entry.name;
        if (entry.folder) ImGui::PushStyleColor(ImGuiCol_Text, kFolderColour);
        const bool clicked = ImGui::Selectable(label.c_str(), !entry.folder && entry.name == chosen_name,
                                               ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick);
        if (entry.folder) ImGui::PopStyleColor();
        remember_rect(view, "entry:" + entry.name);
        if (clicked && entry.folder) {
            enter = entry.name;  // one click enters a folder, as in a file manager's places
        } else if (clicked) {
            set_text(view.name_input, entry.name);
            view.message.clear();
            if (ImGui::IsMouseDoubleClicked(0)) outcome = take_name(view, entry.name);
        }
        ImGui::TableNextColumn();
        if (!entry.folder) ImGui::TextDisabled("%s", size_text(entry.size).c_str());
    }
    if (view.model.entries().empty()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("No folders here, and no files of this type.");
    }
    if (view.model.left_out() > 0) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("… and %zu more (type the name)", view.model.left_out());
    }
    ImGui::EndTable();
    if (!enter.empty()) go_to(view, files::absolute_path(enter, view.model.folder()));
    return outcome;
}

// [SECTION] The file name, type and buttons

void draw_filter_combo(FileBrowserView& view, float width) {
    const auto& filters = view.model.filters();
    ImGui::SetNextItemWidth(width);
    const std::string shown = files::describe(filters[view.model.filter_index()]);
    if (ImGui::BeginCombo("##type", shown.c_str())) {
        for (std::size_t i = 0; i < filters.size(); ++i) {
            const std::string label = files::describe(filters[i]);
            if (ImGui::Selectable(label.c_str(), i == view.model.filter_index())) {
                view.model.set_filter(i);
                view.message = view.model.error();
            }
            remember_rect(view, "filter:" + filters[i].label);
        }
        ImGui::EndCombo();
    }
    remember_rect(view, "filter");
}

BrowserOutcome draw_footer(FileBrowserView& view, const std::function<void()>& draw_options) {
    const float em = ImGui::GetFontSize();
    const bool save = view.model.request().save;
    BrowserOutcome outcome;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(save ? "Save as" : "File");
    ImGui::SameLine(em * 4.5f);
    const float filter_width = std::min(em * 17.0f, ImGui::GetContentRegionAvail().x * 0.4f);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - filter_width - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputText("##name", view.name_input.data(), view.name_input.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    remember_rect(view, "name");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A file name, or a whole path (~/lessons/a.actviz.json); a folder's name enters it");
    ImGui::SameLine();
    draw_filter_combo(view, filter_width);
    if (draw_options) draw_options();
    if (!view.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kRefusalColour);
        ImGui::TextWrapped("%s", view.message.c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::TextDisabled("%s", save ? "A name without the type's ending gets it; a file that exists is replaced only when you say so."
                                       : "Click a folder to enter it; double-click a file, or type its name or path, to open it.");
    }
    const float button = em * 6.5f;
    if (!view.replace_path.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::Text("'%s' exists. Replace it?", last_part(view.replace_path).c_str());
        ImGui::SameLine();
        if (ImGui::Button("Replace", ImVec2(button, 0))) outcome = {BrowserOutcome::Chosen, view.replace_path};
        remember_rect(view, "replace");
        ImGui::SameLine();
        if (ImGui::Button("Keep it", ImVec2(button, 0)) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) view.replace_path.clear();
        remember_rect(view, "keep");
        return outcome;
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 2 * button - ImGui::GetStyle().ItemSpacing.x);
    const bool confirm = ImGui::Button(save ? "Save" : "Open", ImVec2(button, 0)) || entered;
    remember_rect(view, "confirm");
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(button, 0)) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) return {BrowserOutcome::Cancelled, ""};
    remember_rect(view, "cancel");
    if (confirm) outcome = take_name(view, view.name_input.data());
    return outcome;
}

}  // namespace

// [SECTION] The window

void open_file_browser(FileBrowserView& view, const files::ChooserRequest& request, const std::string& folder) {
    view.model.start(request, folder);
    view.open = true;
    view.opening = true;
    view.message = view.model.error();
    view.replace_path.clear();
    view.start_folder = view.model.folder();
    view.rects.clear();
    set_text(view.name_input, request.save ? request.suggested_name : "");
    set_text(view.folder_input, view.model.folder());
}

BrowserOutcome draw_file_browser(FileBrowserView& view, const std::vector<std::string>& recent_folders,
                                 const std::function<void()>& draw_options) {
    if (!view.open) return {};
    const std::string title = view.model.request().title + "###file-browser";
    if (view.opening) {
        ImGui::OpenPopup(title.c_str());
        view.opening = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 58, viewport->Size.x * 0.94f), std::min(em * 34, viewport->Size.y * 0.9f)),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        view.open = false;  // closed some other way
        return {BrowserOutcome::Cancelled, ""};
    }
    draw_folder_row(view);
    const ImGuiStyle& style = ImGui::GetStyle();
    const int footer_lines = 3 + (draw_options ? 1 : 0);
    const float footer = footer_lines * ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const float list_height = std::max(em * 4, ImGui::GetContentRegionAvail().y - footer);
    const float places_width = std::min(em * 12, ImGui::GetContentRegionAvail().x * 0.3f);
    ImGui::BeginChild("places", ImVec2(places_width, list_height), true);
    draw_places(view, recent_folders);
    ImGui::EndChild();
    ImGui::SameLine();
    BrowserOutcome outcome = draw_entries(view, list_height);
    if (outcome.kind == BrowserOutcome::StillOpen) outcome = draw_footer(view, draw_options);
    else draw_footer(view, draw_options);
    if (outcome.kind != BrowserOutcome::StillOpen) {
        view.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return outcome;
}

}  // namespace actviz::app
