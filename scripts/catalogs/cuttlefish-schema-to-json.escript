#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noshell
-mode(compile).
%%
%% Reads cuttlefish schema files with Erlang's own scanner and parser and
%% prints what they declare as one JSON document on stdout. Used by
%% scripts/catalogs/rabbitmq.ts to build the rabbitmq.conf catalogs.
%%
%% Usage: cuttlefish-schema-to-json.escript DIR FILE...
%%   FILE names a *.schema file inside DIR. `{include_partial, {App, Name}, Opts}`
%%   forms are expanded in place from DIR/<App>__<Name>.partial (the corpus
%%   flattens RabbitMQ's `<app>/priv/schema/<name>.partial` to that name).
%%
%% Output: {"files":[{"file":F,"items":[Item...]}]} where an Item is one of
%%   {"kind":"mapping", "variable", "target", "datatype":[DT], "default",
%%    "commented", "doc":[line], "comment":[line], "see":[var], "hidden",
%%    "level", "includeDefault", "validators":[name], "aliases":[var],
%%    "line", "partial"}
%%   {"kind":"translation", "target", "line", "partial"}
%%   {"kind":"validator", "name", "description", "line", "partial"}
%%   {"kind":"error", "line", "message"}
%% and a datatype DT is {"t":Name, ...} (see datatype_json/1).
%%
%% Only stdlib is used (no syntax_tools), so `erlang-base` is enough.

main([Dir | Files]) when Files =/= [] ->
    Docs = [file_json(Dir, F) || F <- Files],
    Json = {obj, [{"files", {arr, Docs}}]},
    io:setopts([{encoding, unicode}]),
    io:put_chars(encode(Json)),
    io:nl(),
    halt(0);
main(_) ->
    io:format(standard_error, "usage: cuttlefish-schema-to-json.escript DIR FILE...~n", []),
    halt(2).

%% ---------------------------------------------------------------------------
%% Reading a file into forms
%% ---------------------------------------------------------------------------

file_json(Dir, File) ->
    Items = read_items(Dir, filename:join(Dir, File), undefined),
    {obj, [{"file", {str, File}}, {"items", {arr, Items}}]}.

%% A form is {FirstLine, DotLine, Tokens}; comments are {Line, Text}.
read_items(Dir, Path, Partial) ->
    case file:read_file(Path) of
        {ok, Bin} ->
            Text = decode(Bin),
            case erl_scan:string(Text, 1, [return_comments]) of
                {ok, AllTokens, _} ->
                    {Comments, Tokens} = split_comments(AllTokens),
                    Forms = split_forms(Tokens),
                    forms_to_items(Dir, Forms, Comments, Partial, 0, []);
                {error, {Line, erl_scan, Reason}, _} ->
                    [error_item(Line, lists:flatten(erl_scan:format_error(Reason)))]
            end;
        {error, Reason} ->
            [error_item(0, "cannot read " ++ Path ++ ": " ++ file:format_error(Reason))]
    end.

decode(Bin) ->
    case unicode:characters_to_list(Bin) of
        L when is_list(L) -> L;
        _ -> unicode:characters_to_list(Bin, latin1)
    end.

split_comments(Tokens) ->
    {Cs, Ts} = lists:partition(fun(T) -> element(1, T) =:= comment end, Tokens),
    {[{line_of(C), element(3, C)} || C <- Cs], Ts}.

line_of(Token) -> erl_anno:line(element(2, Token)).

split_forms(Tokens) -> split_forms(Tokens, [], []).

split_forms([], [], Acc) -> lists:reverse(Acc);
split_forms([], Pending, Acc) -> lists:reverse([make_form(lists:reverse(Pending)) | Acc]);
split_forms([{dot, _} = Dot | Rest], Pending, Acc) ->
    split_forms(Rest, [], [make_form(lists:reverse([Dot | Pending])) | Acc]);
split_forms([T | Rest], Pending, Acc) ->
    split_forms(Rest, [T | Pending], Acc).

make_form(Tokens) ->
    {line_of(hd(Tokens)), line_of(lists:last(Tokens)), Tokens}.

forms_to_items(_Dir, [], _Comments, _Partial, _PrevEnd, Acc) ->
    lists:append(lists:reverse(Acc));
forms_to_items(Dir, [{First, DotLine, Tokens} | Rest], Comments, Partial, PrevEnd, Acc) ->
    %% cuttlefish hands a form every comment met since the previous form.
    Mine = [C || {L, _} = C <- Comments, L >= PrevEnd, L < DotLine],
    Above = [C || {L, _} = C <- Mine, L < First],
    Items = form_items(Dir, First, Tokens, Above, Partial),
    forms_to_items(Dir, Rest, Comments, Partial, DotLine + 1, [Items | Acc]).

form_items(Dir, Line, Tokens, Comments, Partial) ->
    case erl_parse:parse_exprs(Tokens) of
        {ok, Exprs} ->
            try erl_eval:exprs(Exprs, []) of
                {value, Term, _} -> term_items(Dir, Line, Term, Comments, Partial)
            catch
                Class:Reason ->
                    [error_item(Line, io_lib:format("cannot evaluate form: ~tp:~tp", [Class, Reason]))]
            end;
        {error, {_, erl_parse, Reason}} ->
            [error_item(Line, lists:flatten(erl_parse:format_error(Reason)))]
    end.

term_items(_Dir, Line, {mapping, Var, Target, Props}, Comments, Partial) when is_list(Props) ->
    [mapping_item(Line, Var, Target, Props, Comments, Partial)];
term_items(_Dir, Line, {translation, Target, _Fun}, _Comments, Partial) ->
    [translation_item(Line, Target, Partial)];
term_items(_Dir, Line, {validator, Name, Description, _Fun}, _Comments, Partial) ->
    [validator_item(Line, Name, Description, Partial)];
term_items(_Dir, Line, {validator, Name, Description, _Fun, _Opts}, _Comments, Partial) ->
    [validator_item(Line, Name, Description, Partial)];
term_items(Dir, Line, {include_partial, {App, Name}, Opts}, _Comments, undefined) ->
    include_partial(Dir, Line, App, Name, Opts);
term_items(_Dir, Line, Other, _Comments, _Partial) ->
    [error_item(Line, io_lib:format("unexpected schema form: ~tP", [Other, 6]))].

%% ---------------------------------------------------------------------------
%% include_partial: the partial's forms, keys prefixed (cuttlefish 3.9)
%% ---------------------------------------------------------------------------

include_partial(Dir, Line, App, Name, Opts) ->
    File = atom_to_list(App) ++ "__" ++ Name ++ ".partial",
    Label = atom_to_list(App) ++ "/" ++ Name,
    Raw = read_partial_terms(Dir, filename:join(Dir, File), Label),
    Prefix = proplists:get_value(prefix, Opts),
    AppPrefix = proplists:get_value(app_prefix, Opts),
    Exclude = proplists:get_value(exclude, Opts, []),
    Overrides = proplists:get_value(overrides, Opts, []),
    Rewritten = lists:append([rewrite(T, Prefix, AppPrefix, Exclude, Overrides, Label) || T <- Raw]),
    Disable = case proplists:get_value(disable_with, Opts) of
                  undefined -> [];
                  Atom ->
                      [mapping_item(Line, Prefix, AppPrefix,
                                    [{datatype, {enum, [Atom]}}], [], Label),
                       translation_item(Line, AppPrefix, Label)]
              end,
    Rewritten ++ Disable.

%% The partial's forms as {Line, Term, Comments}, or error items.
read_partial_terms(_Dir, Path, Label) ->
    case file:read_file(Path) of
        {ok, Bin} ->
            Text = decode(Bin),
            case erl_scan:string(Text, 1, [return_comments]) of
                {ok, AllTokens, _} ->
                    {Comments, Tokens} = split_comments(AllTokens),
                    partial_terms(split_forms(Tokens), Comments, 0, []);
                {error, {L, erl_scan, Reason}, _} ->
                    [{error, error_item(L, Label ++ ": " ++ erl_scan:format_error(Reason))}]
            end;
        {error, Reason} ->
            [{error, error_item(0, "cannot read partial " ++ Path ++ ": " ++ file:format_error(Reason))}]
    end.

partial_terms([], _Comments, _PrevEnd, Acc) ->
    lists:reverse(Acc);
partial_terms([{First, DotLine, Tokens} | Rest], Comments, PrevEnd, Acc) ->
    Above = [C || {L, _} = C <- Comments, L >= PrevEnd, L < First],
    Entry = case erl_parse:parse_exprs(Tokens) of
                {ok, Exprs} ->
                    {value, Term, _} = erl_eval:exprs(Exprs, []),
                    {First, Term, Above};
                {error, {_, erl_parse, Reason}} ->
                    {error, error_item(First, lists:flatten(erl_parse:format_error(Reason)))}
            end,
    partial_terms(Rest, Comments, DotLine + 1, [Entry | Acc]).

rewrite({error, Item}, _P, _AP, _Ex, _Ov, _Label) ->
    [Item];
rewrite({Line, {mapping, Key, AppKey, Props}, Comments}, P, AP, Ex, Ov, Label) ->
    case excluded(Key, Ex) of
        true -> [];
        false ->
            Extra = [Opt || {N, Opt} <- Ov, N =:= Key],
            [mapping_item(Line, join_dot(P, Key), join_dot(AP, AppKey), Extra ++ Props, Comments, Label)]
    end;
rewrite({Line, {partial_translation, Key, _Fun}, _C}, _P, AP, Ex, _Ov, Label) ->
    case excluded(Key, Ex) of
        true -> [];
        false -> [translation_item(Line, join_dot(AP, Key), Label)]
    end;
rewrite({Line, {validator, Name, Desc, _Fun}, _C}, _P, _AP, _Ex, _Ov, Label) ->
    [validator_item(Line, Name, Desc, Label)];
rewrite({Line, {validator, Name, Desc, _Fun, _Opts}, _C}, _P, _AP, _Ex, _Ov, Label) ->
    [validator_item(Line, Name, Desc, Label)];
rewrite({Line, Other, _C}, _P, _AP, _Ex, _Ov, Label) ->
    [error_item(Line, io_lib:format("~ts: unexpected partial form: ~tP", [Label, Other, 6]))].

excluded(Key, Exclude) ->
    lists:any(fun(E) -> E =:= Key orelse lists:prefix(E ++ ".", Key) end, Exclude).

join_dot(Prefix, Tail) -> Prefix ++ "." ++ Tail.

%% ---------------------------------------------------------------------------
%% Items
%% ---------------------------------------------------------------------------

mapping_item(Line, Var, Target, Props, Comments, Partial) ->
    Annotations = annotations(Comments),
    Datatype = normalise_datatype(proplists:get_value(datatype, Props, string)),
    Fields =
        [{"kind", {str, "mapping"}},
         {"variable", {str, Var}},
         {"target", {str, Target}},
         {"datatype", {arr, [datatype_json(D) || D <- Datatype]}},
         {"default", maybe_text(proplists:get_value(default, Props))},
         {"commented", maybe_text(proplists:get_value(commented, Props))},
         {"doc", {arr, [{str, L} || L <- proplists:get_value(doc, Annotations, [])]}},
         {"comment", {arr, [{str, L} || L <- comment_block(Comments)]}},
         {"see", {arr, [{str, L} || L <- see_lines(Annotations)]}},
         {"hidden", proplists:get_value(hidden, Props, false) =:= true},
         {"level", {str, atom_to_list(proplists:get_value(level, Props, basic))}},
         {"includeDefault", maybe_text(proplists:get_value(include_default, Props))},
         {"validators", {arr, [{str, V} || V <- proplists:get_value(validators, Props, [])]}},
         {"aliases", {arr, [{str, A} || A <- aliases(Props)]}},
         {"line", {num, Line}},
         {"partial", maybe_text(Partial)}],
    {obj, Fields}.

translation_item(Line, Target, Partial) ->
    {obj, [{"kind", {str, "translation"}}, {"target", {str, Target}},
           {"line", {num, Line}}, {"partial", maybe_text(Partial)}]}.

validator_item(Line, Name, Description, Partial) ->
    {obj, [{"kind", {str, "validator"}}, {"name", {str, Name}},
           {"description", {str, Description}},
           {"line", {num, Line}}, {"partial", maybe_text(Partial)}]}.

error_item(Line, Message) ->
    {obj, [{"kind", {str, "error"}}, {"line", {num, Line}},
           {"message", {str, lists:flatten(Message)}}]}.

%% `{alias, "old"}`, `{aliases, ["old", {"older", "message"}]}` (cuttlefish 3.7+).
aliases(Props) ->
    Raw = case {proplists:get_value(alias, Props), proplists:get_value(aliases, Props)} of
              {undefined, undefined} -> [];
              {undefined, Many} when is_list(Many) -> Many;
              {One, _} -> [One]
          end,
    [case A of {Name, _Message} -> Name; Name -> Name end || A <- Raw].

%% As cuttlefish_mapping:parse/1: an enum's string members become atoms,
%% a list is kept, anything else is a list of one.
normalise_datatype({enum, Members}) ->
    [{enum, [case is_list(M) of true -> list_to_atom(M); false -> M end || M <- Members]}];
normalise_datatype(L) when is_list(L) -> L;
normalise_datatype(D) -> [D].

-define(SIMPLE_TYPES, [integer, string, atom, file, directory, flag, ip, fqdn,
                       domain_socket, bytesize, float, binary, tagged_string,
                       tagged_binary, boolean, byte, port, percent, uri, regex]).

datatype_json(D) when is_atom(D) ->
    case lists:member(D, ?SIMPLE_TYPES) of
        true -> {obj, [{"t", {str, atom_to_list(D)}}]};
        false -> unknown_datatype(D)
    end;
datatype_json({enum, Members}) when is_list(Members) ->
    {obj, [{"t", {str, "enum"}}, {"values", {arr, [{str, enum_name(M)} || M <- Members]}}]};
datatype_json({flag, On, Off}) ->
    {obj, [{"t", {str, "flag"}}, {"on", {str, enum_name(On)}}, {"off", {str, enum_name(Off)}}]};
datatype_json({duration, Unit}) when is_atom(Unit) ->
    {obj, [{"t", {str, "duration"}}, {"unit", {str, atom_to_list(Unit)}}]};
datatype_json({percent, Kind}) when Kind =:= integer; Kind =:= float ->
    {obj, [{"t", {str, "percent"}}, {"of", {str, atom_to_list(Kind)}}]};
datatype_json({list, Of}) ->
    {obj, [{"t", {str, "list"}}, {"of", datatype_json(Of)}]};
datatype_json({Type, Constraints}) when (Type =:= integer orelse Type =:= float),
                                        (is_list(Constraints) orelse
                                         Constraints =:= positive orelse
                                         Constraints =:= non_negative) ->
    List = case is_list(Constraints) of true -> Constraints; false -> [Constraints] end,
    {obj, [{"t", {str, atom_to_list(Type)}},
           {"constraints", {arr, [constraint_json(C) || C <- List]}}]};
datatype_json({Type, Value}) when is_atom(Type) ->
    %% An "extended" datatype: one exact value of a base type, e.g. {atom, infinity}.
    {obj, [{"t", {str, "exact"}}, {"of", {str, atom_to_list(Type)}}, {"value", text(Value)}]};
datatype_json(Other) ->
    unknown_datatype(Other).

unknown_datatype(D) ->
    {obj, [{"t", {str, "unknown"}}, {"term", {str, lists:flatten(io_lib:format("~tp", [D]))}}]}.

constraint_json(Shortcut) when is_atom(Shortcut) ->
    {obj, [{"op", {str, atom_to_list(Shortcut)}}]};
constraint_json({Op, Bound}) when is_atom(Op), is_integer(Bound) ->
    {obj, [{"op", {str, atom_to_list(Op)}}, {"value", {num, Bound}}]};
constraint_json({Op, Bound}) when is_atom(Op), is_float(Bound) ->
    %% JSON numbers lose the difference; error messages print 0.0, not 0.
    {obj, [{"op", {str, atom_to_list(Op)}}, {"value", {num, Bound}}, {"float", true}]};
constraint_json(Other) ->
    {obj, [{"op", {str, "unknown"}}, {"term", {str, lists:flatten(io_lib:format("~tp", [Other]))}}]}.

enum_name({Name, _Value}) -> enum_name(Name);
enum_name(A) when is_atom(A) -> atom_to_list(A);
enum_name(S) when is_list(S) -> S;
enum_name(Other) -> lists:flatten(io_lib:format("~tp", [Other])).

%% ---------------------------------------------------------------------------
%% Comments: cuttlefish's `%% @doc` annotations, and the plain block above
%% ---------------------------------------------------------------------------

%% As cuttlefish_schema:comment_parser/1: strip `%` and spaces at both ends,
%% drop empty lines, then each `@name rest` line opens an annotation that
%% collects the lines after it; lines before the first annotation are dropped.
annotations(Comments) ->
    Lines = [L || L <- [strip_percent(T) || {_, T} <- Comments], L =/= []],
    Collected = lists:foldl(fun annotate/2, [], Lines),
    lists:reverse([{Name, lists:reverse(Ls)} || {Name, Ls} <- Collected]).

annotate([$@ | Rest], Acc) ->
    Name = hd(string:tokens(Rest, " ")),
    [{list_to_atom(Name), [strip_percent(lists:nthtail(length(Name), Rest))]} | Acc];
annotate(_Line, []) ->
    [];
annotate(Line, [{Name, Ls} | Acc]) ->
    [{Name, [Line | Ls]} | Acc].

see_lines(Annotations) ->
    [L || {see, [L | _]} <- Annotations].

strip_percent(S) -> lists:reverse(strip_left(lists:reverse(strip_left(S)))).

strip_left([$% | T]) -> strip_left(T);
strip_left([$\s | T]) -> strip_left(T);
strip_left(S) -> S.

%% The last run of comment lines (no blank line inside) before the form, as
%% plain text: RabbitMQ's schemas document most keys this way, not with @doc.
comment_block([]) -> [];
comment_block(Comments) ->
    Reversed = lists:reverse(Comments),
    [{LastLine, _} | _] = Reversed,
    Block = take_contiguous(Reversed, LastLine, []),
    trim_blank([clean_comment(T) || {_, T} <- Block]).

take_contiguous([{L, T} | Rest], Expected, Acc) when L =:= Expected ->
    take_contiguous(Rest, Expected - 1, [{L, T} | Acc]);
take_contiguous(_, _, Acc) ->
    Acc.

clean_comment(Text) ->
    Body = drop_percents(Text),
    Trimmed = case Body of [$\s | R] -> R; _ -> Body end,
    string:trim(Trimmed, trailing).

drop_percents([$% | T]) -> drop_percents(T);
drop_percents(S) -> S.

trim_blank(Lines) ->
    lists:reverse(drop_blank(lists:reverse(drop_blank(Lines)))).

drop_blank([L | Rest]) ->
    case is_banner(L) of
        true -> drop_blank(Rest);
        false -> [L | Rest]
    end;
drop_blank([]) -> [].

%% Empty lines and `====` / `----` rules carry no text.
is_banner(L) -> lists:all(fun(C) -> C =:= $= orelse C =:= $- orelse C =:= $\s end, L).

%% ---------------------------------------------------------------------------
%% Terms as the text one would write in rabbitmq.conf
%% ---------------------------------------------------------------------------

maybe_text(undefined) -> null;
maybe_text(V) -> text(V).

text(V) when is_integer(V) -> {str, integer_to_list(V)};
text(V) when is_float(V) -> {str, float_to_list(V, [short])};
text(V) when is_atom(V) -> {str, atom_to_list(V)};
text(V) when is_binary(V) ->
    case unicode:characters_to_list(V) of
        L when is_list(L) -> {str, L};
        _ -> {str, lists:flatten(io_lib:format("~tp", [V]))}
    end;
text(V) when is_list(V) ->
    case io_lib:printable_unicode_list(V) of
        true -> {str, V};
        false -> {str, lists:flatten(io_lib:format("~tp", [V]))}
    end;
text(V) -> {str, lists:flatten(io_lib:format("~tp", [V]))}.

%% ---------------------------------------------------------------------------
%% A small JSON encoder (OTP 25 has no json module)
%% ---------------------------------------------------------------------------

encode({obj, Fields}) ->
    ["{", lists:join(",", [[encode_string(K), ":", encode(V)] || {K, V} <- Fields]), "}"];
encode({arr, Items}) ->
    ["[", lists:join(",", [encode(I) || I <- Items]), "]"];
encode({str, S}) -> encode_string(S);
encode({num, N}) when is_integer(N) -> integer_to_list(N);
encode({num, N}) when is_float(N) -> float_to_list(N, [short]);
encode(true) -> "true";
encode(false) -> "false";
encode(null) -> "null".

encode_string(S) ->
    [$", [escape(C) || C <- unicode:characters_to_list(S)], $"].

escape($") -> "\\\"";
escape($\\) -> "\\\\";
escape($\n) -> "\\n";
escape($\r) -> "\\r";
escape($\t) -> "\\t";
escape(C) when C < 16#20 -> io_lib:format("\\u~4.16.0b", [C]);
escape(C) -> C.
