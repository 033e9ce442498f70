#!/usr/bin/env escript
%% -*- erlang -*-
%%! -noinput
%%
%% Test oracle: what Erlang's own file:consult/1 makes of each file.
%%
%% Usage: escript consult.escript FILE...
%%
%% Prints one JSON object per FILE, one per line, in argument order:
%%   {"file":F,"ok":true,"terms":[TERM,...]}
%%   {"file":F,"ok":false,"line":N,"module":"erl_parse","message":"syntax error before: ']'"}
%%   {"file":F,"ok":false,"posix":"enoent"}
%%   {"file":F,"ok":false,"crash":"..."}          (file:consult itself raised)
%% Always exits 0 when it could print a verdict for every file: a rejected
%% file is an answer, not a failure of the oracle.
%%
%% TERM is a tagged JSON value that keeps Erlang's term identity (the string
%% "abc" and the list [97,98,99] are one and the same term, so both print as
%% a charlist):
%%   {"int":"-12"}  {"float":1.5}  {"atom":"a b"}
%%   {"charlist":"abc"}  (proper, non-empty, io_lib:printable_unicode_list/1)
%%   {"list":[TERM,...]}  {"improper":[TERM,...],"tail":TERM}
%%   {"tuple":[TERM,...]}  {"map":[[K,V],...]}  (keys in Erlang term order)
%%   {"binary":"text"}  (valid UTF-8)  {"bytes":[1,255]}  (any other binary)
%%   {"bits":[BYTE,...],"tail_bits":N,"tail_value":V}  (not a whole number of bytes)
%%   {"fun":"fun m:f/1"}  {"other":"..."}
-mode(compile).

main(Files) ->
    ok = io:setopts(standard_io, [{encoding, unicode}]),
    lists:foreach(fun(File) -> io:put_chars([verdict(File), $\n]) end, Files).

verdict(File) ->
    Fields = try file:consult(File) of
                 {ok, Terms} ->
                     [{"ok", true}, {"terms", {json, array([term(T) || T <- Terms])}}];
                 {error, {Line, Module, Reason}} ->
                     [{"ok", false}, {"line", Line}, {"module", atom_to_list(Module)},
                      {"message", text(Module:format_error(Reason))}];
                 {error, Posix} ->
                     [{"ok", false}, {"posix", text(io_lib:format("~0tp", [Posix]))}]
             catch
                 Class:Why ->
                     [{"ok", false}, {"crash", text(io_lib:format("~0tp", [{Class, Why}]))}]
             end,
    object([{"file", File} | Fields]).

%% ---- Erlang term -> tagged JSON --------------------------------------------

term(I) when is_integer(I) -> object([{"int", integer_to_list(I)}]);
term(F) when is_float(F) -> ["{\"float\":", float_to_list(F, [short]), "}"];
term(A) when is_atom(A) -> object([{"atom", atom_to_list(A)}]);
term([]) -> "{\"list\":[]}";
term(L) when is_list(L) -> list_term(L, []);
term(T) when is_tuple(T) -> ["{\"tuple\":", array([term(E) || E <- tuple_to_list(T)]), "}"];
term(M) when is_map(M) ->
    Pairs = lists:sort(maps:to_list(M)),
    ["{\"map\":", array([array([term(K), term(V)]) || {K, V} <- Pairs]), "}"];
term(B) when is_binary(B) ->
    case unicode:characters_to_list(B, utf8) of
        Chars when is_list(Chars) -> object([{"binary", Chars}]);
        _ -> ["{\"bytes\":", array([integer_to_list(X) || X <- binary_to_list(B)]), "}"]
    end;
term(B) when is_bitstring(B) ->
    TailBits = bit_size(B) rem 8,
    WholeBits = bit_size(B) - TailBits,
    <<Whole:WholeBits/bitstring, TailValue:TailBits>> = B,
    ["{\"bits\":", array([integer_to_list(X) || X <- binary_to_list(Whole)]),
     ",\"tail_bits\":", integer_to_list(TailBits),
     ",\"tail_value\":", integer_to_list(TailValue), "}"];
term(F) when is_function(F) -> object([{"fun", text(io_lib:format("~0tp", [F]))}]);
term(Other) -> object([{"other", text(io_lib:format("~0tp", [Other]))}]).

%% Walk a non-empty list once: it is either proper (then maybe a charlist)
%% or improper (elements plus a non-list tail).
list_term([Head | Rest], Seen) -> list_term(Rest, [Head | Seen]);
list_term([], Seen) ->
    Elements = lists:reverse(Seen),
    case io_lib:printable_unicode_list(Elements) of
        true -> object([{"charlist", Elements}]);
        false -> ["{\"list\":", array([term(E) || E <- Elements]), "}"]
    end;
list_term(Tail, Seen) ->
    ["{\"improper\":", array([term(E) || E <- lists:reverse(Seen)]),
     ",\"tail\":", term(Tail), "}"].

%% ---- JSON output -----------------------------------------------------------

object(Fields) -> ["{", comma_separated([[string(K), ":", value(V)] || {K, V} <- Fields]), "}"].

value(true) -> "true";
value(false) -> "false";
value(N) when is_integer(N) -> integer_to_list(N);
value({json, Encoded}) -> Encoded;
value(Chars) when is_list(Chars) -> string(Chars).

array(Items) -> ["[", comma_separated(Items), "]"].

comma_separated([]) -> [];
comma_separated([First | Rest]) -> [First | [[",", Item] || Item <- Rest]].

%% Any chardata -> a flat list of code points (error messages may be deep lists).
text(Chardata) ->
    case unicode:characters_to_list(Chardata) of
        Chars when is_list(Chars) -> Chars;
        _ -> lists:flatten(io_lib:format("~0tp", [Chardata]))
    end.

string(Chars) -> [$", [escape(C) || C <- Chars], $"].

escape($") -> "\\\"";
escape($\\) -> "\\\\";
escape($\n) -> "\\n";
escape($\r) -> "\\r";
escape($\t) -> "\\t";
escape(C) when C < 16#20; C =:= 16#7F -> io_lib:format("\\u~4.16.0b", [C]);
escape(C) -> C.
