/**
 * The documentation of the standard library, written as MeTTa `@doc` facts (§5.12), with the
 * types of the documentation constructors and the two-arity `help!`.
 *
 * Every operation, instruction and special symbol of the core library has a fact here; the
 * standard library reference is generated from them, and `help!` prints them. A function's
 * fact lists exactly as many `@param`s as its type has parameters (the test suite checks
 * this), so `get-doc` can pair each text with its type.
 *
 * @module
 */

/** MeTTa source loaded into the core library space after `CORELIB_METTA`. */
export const DOCS_METTA = String.raw`
; ---------------------------------------------------------------------------------------
; Documentation constructors and their types

(: DocDescription Type)
(: DocInformal Type)
(: DocFormal Type)
(: DocItem Type)
(: DocKindFunction Type)
(: DocKindAtom Type)
(: DocType Type)
(: DocParameters Type)
(: DocParameter Type)
(: DocParameterInformal Type)
(: DocReturn Type)
(: DocReturnInformal Type)

(: @doc (-> Atom DocDescription DocInformal))
(: @doc (-> Atom DocDescription DocParameters DocReturnInformal DocInformal))
(: @desc (-> String DocDescription))
(: @params (-> Expression DocParameters))
(: @param (-> String DocParameterInformal))
(: @param (-> DocType DocDescription DocParameter))
(: @return (-> String DocReturnInformal))
(: @return (-> DocType DocDescription DocReturn))
(: @doc-formal (-> DocItem DocKindFunction DocType DocDescription DocParameters DocReturn DocFormal))
(: @doc-formal (-> DocItem DocKindAtom DocType DocDescription DocFormal))
(: @item (-> Atom DocItem))
(: (@kind function) DocKindFunction)
(: (@kind atom) DocKindAtom)
(: @type (-> Type DocType))

; help! has two arities, so it is a MeTTa function over the grounded help-internal!.
(: help! (-> Atom (->)))
(: help! (-> (->)))
(= (help! $atom) (help-internal! $atom))
(= (help!) (help-internal! corelib))

(@doc @doc
  (@desc "Documents an atom. A function is documented with its description, its parameters and its result; any other atom with a description only. The fact is stored like any other atom and read back by get-doc and help!")
  (@params (
    (@param "The documented atom: usually a symbol, but grounded atoms and expressions can be documented too")
    (@param "Description, written (@desc <text>)")
    (@param "Parameter descriptions, written (@params ((@param <text>) ...)), one per parameter of the function type, in order")
    (@param "Result description, written (@return <text>)")))
  (@return "The fact itself; it is data and does not reduce"))

(@doc @desc
  (@desc "Wraps the description of a documented atom, inside @doc and @doc-formal")
  (@params ((@param "Description text")))
  (@return "A description of type DocDescription"))

(@doc @params
  (@desc "Wraps the list of parameter descriptions of a documented function")
  (@params ((@param "Expression of (@param ...) atoms, one per parameter")))
  (@return "A parameter list of type DocParameters"))

(@doc @param
  (@desc "Describes one parameter of a function. Inside @doc it holds only the text; in the formal documentation that get-doc returns it is (@param (@type T) (@desc <text>)) with the parameter type T")
  (@params ((@param "Description text")))
  (@return "A parameter description"))

(@doc @return
  (@desc "Describes the result of a function. Inside @doc it holds only the text; in the formal documentation that get-doc returns it is (@return (@type T) (@desc <text>)) with the result type T")
  (@params ((@param "Description text")))
  (@return "A result description"))

(@doc @doc-formal
  (@desc "The documentation get-doc returns, completed with types. A function gets six parts: (@item f), (@kind function), (@type T), (@desc ...), (@params ...) and (@return ...); any other atom gets the first four, with (@kind atom)")
  (@params (
    (@param "The documented atom, as (@item <atom>)")
    (@param "(@kind function) or (@kind atom)")
    (@param "Its type, as (@type <type>); %Undefined% when nothing is declared")
    (@param "Its description, as (@desc <text>)")
    (@param "For functions: the parameters with their types, as (@params ((@param (@type T) (@desc <text>)) ...))")
    (@param "For functions: the result with its type, as (@return (@type T) (@desc <text>))")))
  (@return "Formal documentation of type DocFormal"))

(@doc @item
  (@desc "Names the documented atom inside @doc-formal")
  (@params ((@param "The documented atom")))
  (@return "The item, of type DocItem"))

(@doc (@kind function) (@desc "Marks formal documentation that describes a function: an atom whose type is a function type, or that is documented with parameters"))
(@doc (@kind atom) (@desc "Marks formal documentation that describes an atom which is not a function"))

(@doc @type
  (@desc "Holds a type inside formal documentation: the type of the documented atom, of a parameter or of a result")
  (@params ((@param "The type")))
  (@return "The type, as a DocType"))

(@doc DocDescription (@desc "Type of (@desc <text>)"))
(@doc DocInformal (@desc "Type of a (@doc ...) fact as written in a program"))
(@doc DocFormal (@desc "Type of the (@doc-formal ...) documentation that get-doc returns"))
(@doc DocItem (@desc "Type of (@item <atom>)"))
(@doc DocKindFunction (@desc "Type of (@kind function)"))
(@doc DocKindAtom (@desc "Type of (@kind atom)"))
(@doc DocType (@desc "Type of (@type <type>)"))
(@doc DocParameters (@desc "Type of (@params (...))"))
(@doc DocParameter (@desc "Type of a typed parameter description (@param (@type T) (@desc <text>))"))
(@doc DocParameterInformal (@desc "Type of a parameter description as written in @doc: (@param <text>)"))
(@doc DocReturn (@desc "Type of a typed result description (@return (@type T) (@desc <text>))"))
(@doc DocReturnInformal (@desc "Type of a result description as written in @doc: (@return <text>)"))

; ---------------------------------------------------------------------------------------
; Documentation operations

(@doc get-doc
  (@desc "Reads the documentation of an atom from a space (and the spaces it depends on) and completes it with the types declared there: a function gets its parameter and result types, %Undefined% where nothing is declared. There is one result per matching @doc fact and type, and none for an undocumented atom")
  (@params (
    (@param "Space to read the @doc facts and type declarations from, e.g. &self")
    (@param "The documented atom; it is not evaluated")))
  (@return "(@doc-formal ...) documentation; no result when there is none"))

(@doc get-doc-single-atom
  (@desc "The part of get-doc for an atom that is not an expression: documents it as a function for each of its function types and as a plain atom for its other types")
  (@params (
    (@param "Space to read documentation and types from")
    (@param "The documented atom")))
  (@return "(@doc-formal ...) documentation; no result when there is none"))

(@doc get-doc-function
  (@desc "Reads the function documentation of an atom, taking its type as given rather than from the space")
  (@params (
    (@param "Space to read the @doc facts from")
    (@param "The documented function")
    (@param "Its function type, or %Undefined% to leave every parameter and the result untyped")))
  (@return "(@doc-formal ... (@kind function) ...) documentation; no result when there is none"))

(@doc get-doc-atom
  (@desc "Reads the documentation of an atom as a plain atom, once for each of its types. An atom documented with parameters is shown as an untyped function")
  (@params (
    (@param "Space to read documentation and types from")
    (@param "The documented atom")))
  (@return "(@doc-formal ...) documentation; no result when there is none"))

(@doc get-doc-params
  (@desc "Pairs the parameter and result descriptions of a @doc fact with types. E.g. (get-doc-params ((@param \"x\")) (@return \"y\") (Number Bool)) gives (((@param (@type Number) (@desc \"x\"))) (@return (@type Bool) (@desc \"y\"))). An error if the number of types is not the number of parameters plus one")
  (@params (
    (@param "Parameter descriptions: ((@param <text>) ...)")
    (@param "Result description: (@return <text>)")
    (@param "Parameter types followed by the result type, e.g. the function type without its ->")))
  (@return "A pair of the typed parameter list and the typed result description"))

(@doc undefined-doc-function-type
  (@desc "The types of an undeclared function: %Undefined% for each documented parameter and for the result")
  (@params ((@param "Parameter descriptions: ((@param <text>) ...)")))
  (@return "An expression of %Undefined%, one longer than the parameter list"))

(@doc help!
  (@desc "Prints documentation from the top module and the modules it depends on, the core library included. Given an atom, it prints its formal documentation in readable form, or the line: No documentation found for <atom>. Given the name of a loaded module (corelib, top, or an imported one), it also lists the atoms documented in that module. Without an argument it lists everything the core library documents")
  (@params ((@param "Atom or module name to show documentation for; it is not evaluated")))
  (@return "Unit atom"))

(@doc help-internal!
  (@desc "Does the work of help! for one atom: prints its documentation from the top module and, for a module name, the list of what the module documents")
  (@params ((@param "Atom or module name")))
  (@return "Unit atom per printed entry; when nothing is found it prints that no documentation exists and returns the unit atom"))

(@doc help-space!
  (@desc "Lists every atom documented in a space, one name per line followed by its description on a line indented by a tab: documented functions first, then other atoms")
  (@params ((@param "Space whose @doc facts are listed")))
  (@return "Unit atom"))

(@doc help-param!
  (@desc "Prints one typed parameter description (@param (@type T) (@desc <text>)) as help! does: two spaces, (type T), a space and the text. Other atoms print nothing and give no result")
  (@params ((@param "Typed parameter description")))
  (@return "Unit atom"))

; ---------------------------------------------------------------------------------------
; Special symbols and types

(@doc =
  (@desc "Heads an equation (= <pattern> <result>). An expression that matches the pattern of an equation in the space is rewritten to its result; several matching equations give several results")
  (@params (
    (@param "Pattern that an evaluated expression is matched against")
    (@param "What a matching expression reduces to, with the pattern's variables bound")))
  (@return "The equation does not reduce unless equations over equations are defined"))

(@doc :
  (@desc "Heads a type declaration (: <atom> <type>). An atom may be declared with several types")
  (@params (
    (@param "The typed atom")
    (@param "Its type")))
  (@return "The declaration is a fact and does not reduce"))

(@doc :< (@desc "Heads a subtype declaration (:< <subtype> <supertype>): every atom of the subtype also has the supertype, transitively"))
(@doc -> (@desc "Heads a function type (-> <parameter types> ... <result type>). (-> R) is the type of a function without parameters; (->) is the type of the unit atom () that side-effecting operations return"))
(@doc Type (@desc "The type of types"))
(@doc %Undefined% (@desc "The type of an atom with no declared type. It matches every type, and a parameter of this type is evaluated before the call"))
(@doc Atom (@desc "The type every atom has. A parameter of type Atom receives its argument unevaluated"))
(@doc Symbol (@desc "Meta-type of symbols. A parameter of this type receives its argument unevaluated"))
(@doc Variable (@desc "Meta-type of variables. A parameter of this type receives its argument unevaluated"))
(@doc Expression (@desc "Meta-type of expressions. A parameter of this type receives its argument unevaluated"))
(@doc Grounded (@desc "Meta-type of grounded atoms: numbers, strings, Booleans, spaces, states and operations implemented by the host"))
(@doc Number (@desc "Type of numbers: 64-bit integers and floating-point numbers"))
(@doc Bool (@desc "Type of the Boolean values True and False"))
(@doc String (@desc "Type of string literals such as \"text\""))
(@doc True (@desc "The Boolean value true"))
(@doc False (@desc "The Boolean value false"))
(@doc SpaceType (@desc "Type of space atoms, such as &self or the result of new-space"))
(@doc StateMonad (@desc "(StateMonad T) is the type of a state atom that holds a value of type T"))
(@doc ErrorType (@desc "Type of error atoms (Error ...)"))
(@doc ErrorDescription (@desc "Type of the structured messages of type errors: (BadType ...), (BadArgType ...) and IncorrectNumberOfArguments"))

(@doc Error
  (@desc "Builds an error atom. A result that is an error stops a program run, and the results of evaluating an expression drop errors when some alternative succeeds")
  (@params (
    (@param "The atom that failed, usually the call being evaluated")
    (@param "What went wrong: a String, a symbol, or a structured description such as (BadType ...)")))
  (@return "The error atom"))

(@doc BadType
  (@desc "Error message: an atom does not have the type its context expects")
  (@params (
    (@param "The expected type")
    (@param "The type the atom has")))
  (@return "The message, of type ErrorDescription"))

(@doc BadArgType
  (@desc "Error message: an argument of a call does not have the type of its parameter")
  (@params (
    (@param "Position of the argument, counting from 1")
    (@param "The parameter type")
    (@param "The type the argument has")))
  (@return "The message, of type ErrorDescription"))

(@doc IncorrectNumberOfArguments (@desc "Error message: a function is called with a number of arguments that none of its types has"))
(@doc Empty (@desc "Stands for no result: an alternative that evaluates to Empty is dropped. Matched by case when its value has no results"))
(@doc NotReducible (@desc "Returned by eval when nothing rewrites an atom; the interpreter then keeps the atom unchanged. A function may return it to keep its call unreduced"))

; ---------------------------------------------------------------------------------------
; Minimal MeTTa instructions

(@doc eval
  (@desc "Makes one evaluation step: calls a grounded operation heading the expression, runs a minimal instruction, or rewrites the atom once by the equations of the current space")
  (@params ((@param "Atom to rewrite")))
  (@return "One result per applicable equation; NotReducible when nothing applies"))

(@doc evalc
  (@desc "Like eval, but uses the equations of the given space")
  (@params (
    (@param "Atom to rewrite")
    (@param "Space whose equations are used")))
  (@return "One result per applicable equation; NotReducible when nothing applies"))

(@doc chain
  (@desc "Runs its first argument when it is an instruction, then, for each result, substitutes the result for the variable in the template and continues with the template")
  (@params (
    (@param "Instruction to run, or a value to use as it is")
    (@param "Variable that receives each result")
    (@param "Template continued with the variable substituted")))
  (@return "The template's results"))

(@doc unify
  (@desc "Matches two atoms both ways and picks a branch. When the first atom is a space the pattern is queried in it, one result per answer")
  (@params (
    (@param "Atom, or space to query")
    (@param "Pattern")
    (@param "Result for each match, with the match's bindings applied")
    (@param "Result when nothing matches")))
  (@return "The third argument for each match, or the fourth when there is none"))

(@doc cons-atom
  (@desc "Builds an expression from a head and the expression of the remaining atoms. E.g. (cons-atom a (b c)) gives (a b c)")
  (@params (
    (@param "Head atom")
    (@param "Expression of the atoms after the head")))
  (@return "The new expression"))

(@doc decons-atom
  (@desc "Splits a non-empty expression into its head and the expression of the rest. E.g. (decons-atom (a b c)) gives (a (b c)); an empty expression is an error")
  (@params ((@param "Non-empty expression")))
  (@return "The pair (<head> <tail>)"))

(@doc function
  (@desc "Runs a minimal MeTTa body until it gives (return <value>), and then gives the value. A body that ends in anything other than an instruction or return is a NoReturn error")
  (@params ((@param "Minimal MeTTa body")))
  (@return "The returned value"))

(@doc return
  (@desc "Ends the body of the enclosing function with a value")
  (@params ((@param "Value to return")))
  (@return "The value, as the result of the enclosing function"))

(@doc collapse-bind
  (@desc "Runs an instruction to completion and gathers all its results, each paired with its variable bindings; results that are Empty are left out")
  (@params ((@param "Instruction to run")))
  (@return "Expression of (<result> <bindings>) pairs"))

(@doc superpose-bind
  (@desc "The reverse of collapse-bind: turns each (<result> <bindings>) pair back into a separate result with its bindings")
  (@params ((@param "Expression of (<result> <bindings>) pairs")))
  (@return "The results, one per pair"))

(@doc metta
  (@desc "Evaluates an atom with the full MeTTa interpreter, expecting a type, in a space")
  (@params (
    (@param "Atom to evaluate")
    (@param "Expected type; Atom returns the atom unevaluated, %Undefined% expects nothing")
    (@param "Space whose equations and types are used")))
  (@return "The results of the evaluation"))

(@doc context-space
  (@desc "The space the current evaluation runs in")
  (@params ())
  (@return "The space atom"))

; ---------------------------------------------------------------------------------------
; Control flow and binding

(@doc if
  (@desc "Chooses between two branches by a condition. The condition is evaluated; only the chosen branch is")
  (@params (
    (@param "Condition, evaluating to True or False")
    (@param "Result when the condition is True")
    (@param "Result when the condition is False")))
  (@return "The evaluated chosen branch"))

(@doc let
  (@desc "Evaluates a value, matches it against a pattern, and evaluates the template with the pattern's variables bound. E.g. (let ($a $b) (1 2) (+ $a $b)) gives 3")
  (@params (
    (@param "Pattern, which may destructure the value")
    (@param "Value, evaluated before matching")
    (@param "Template evaluated for each match")))
  (@return "The template's results; no result when the value does not match"))

(@doc let*
  (@desc "Nested let: binds each (<pattern> <value>) pair in order, so later values can use earlier variables. E.g. (let* (($x 1) ($y (+ $x 1))) (* $x $y)) gives 2")
  (@params (
    (@param "Expression of (<pattern> <value>) pairs")
    (@param "Template evaluated with every pattern bound")))
  (@return "The template's results; no result when some value does not match"))

(@doc case
  (@desc "Evaluates a value and, for each of its results, evaluates the template of the first (<pattern> <template>) case that matches it. A value without results is matched as the symbol Empty, and errors are matched like any other value")
  (@params (
    (@param "Value to evaluate and match")
    (@param "Expression of (<pattern> <template>) cases, tried in order")))
  (@return "The templates' results; no result for a value no case matches"))

(@doc switch
  (@desc "Like case, but the value is evaluated before the call, so a value without results gives no result at all")
  (@params (
    (@param "Value to match")
    (@param "Expression of (<pattern> <template>) cases, tried in order")))
  (@return "The chosen template, evaluated; no result when no case matches"))

(@doc switch-minimal
  (@desc "The matching step of switch: the template of the first case that matches the value, not evaluated")
  (@params (
    (@param "Value to match")
    (@param "Expression of (<pattern> <template>) cases")))
  (@return "The template with the pattern's variables bound"))

(@doc switch-internal
  (@desc "Helper of switch that receives the cases split by decons-atom, as (<first case> (<other cases> ...))")
  (@params (
    (@param "Value to match")
    (@param "The cases, split into the first case and the others")))
  (@return "The template of the first matching case, not evaluated"))

(@doc if-equal
  (@desc "Compares two atoms without evaluating them, treating atoms that differ only in variable names as equal")
  (@params (
    (@param "First atom")
    (@param "Second atom")
    (@param "Result when they are equal")
    (@param "Result otherwise")))
  (@return "The chosen result, evaluated"))

(@doc if-error
  (@desc "Tests whether an atom is an error (Error ...); the atom is not evaluated")
  (@params (
    (@param "Atom to test")
    (@param "Result when it is an error")
    (@param "Result otherwise")))
  (@return "The chosen result, evaluated"))

(@doc return-on-error
  (@desc "For minimal MeTTa bodies: stops with the atom when it is Empty or an error, and continues otherwise")
  (@params (
    (@param "Atom to check, usually a previous result")
    (@param "What to continue with when the atom is neither Empty nor an error")))
  (@return "(return Empty) or (return <error>), or else the second argument"))

(@doc if-decons-expr
  (@desc "Splits a non-empty expression into head and tail, binding them in a template; an empty expression gives the other branch")
  (@params (
    (@param "Expression to split")
    (@param "Variable for the head")
    (@param "Variable for the tail")
    (@param "Result for a non-empty expression, with head and tail substituted")
    (@param "Result for the empty expression")))
  (@return "The chosen result"))

(@doc id
  (@desc "The identity function: its argument is evaluated and returned")
  (@params ((@param "Value")))
  (@return "The evaluated value"))

(@doc noeval
  (@desc "Returns its argument without evaluating it")
  (@params ((@param "Atom")))
  (@return "The atom, unevaluated"))

(@doc quote
  (@desc "Keeps an atom from being evaluated: (quote <atom>) stays as it is")
  (@params ((@param "Atom to protect")))
  (@return "The quote expression itself"))

(@doc unquote
  (@desc "Takes the atom out of (quote <atom>); the atom is then evaluated")
  (@params ((@param "A (quote <atom>) expression")))
  (@return "The quoted atom, evaluated"))

(@doc nop
  (@desc "Does nothing: evaluates its arguments, if any, for their side effects")
  (@params ())
  (@return "Unit atom"))

(@doc empty
  (@desc "Gives no result: the alternative that calls it is dropped")
  (@params ())
  (@return "No result"))

(@doc atom-subst
  (@desc "Substitutes a value for a variable in a template")
  (@params (
    (@param "Value")
    (@param "Variable to replace")
    (@param "Template")))
  (@return "The template with the variable replaced"))

(@doc sealed
  (@desc "Renames the variables of an atom to fresh ones, except those listed, so that the copy shares no variables with anything else. Used to give templates local variables")
  (@params (
    (@param "Expression of the variables to keep, e.g. ($x $y)")
    (@param "Atom whose other variables are renamed")))
  (@return "The atom with fresh variables"))

(@doc capture
  (@desc "Evaluates an atom in the space where the capture expression was written and returns its results")
  (@params ((@param "Atom to evaluate, passed unevaluated")))
  (@return "The results of the evaluation"))

(@doc pragma!
  (@desc "Changes an interpreter setting. (pragma! type-check auto) type-checks every atom before it is added or evaluated; (pragma! interpreter bare-minimal) runs the following top-level expressions as minimal MeTTa; (pragma! max-stack-depth N) limits the interpreter stack to N frames, 0 meaning no limit")
  (@params (
    (@param "Name of the setting, a symbol")
    (@param "New value")))
  (@return "Unit atom"))

; ---------------------------------------------------------------------------------------
; Non-determinism

(@doc superpose
  (@desc "Turns the atoms of an expression into alternative results, each then evaluated. The argument itself is not evaluated; (superpose ()) gives no result")
  (@params ((@param "Expression of alternatives")))
  (@return "Each atom of the expression, as a separate result"))

(@doc collapse
  (@desc "Evaluates an atom and gathers all its results into one expression; (collapse (superpose (1 2))) gives (1 2)")
  (@params ((@param "Atom to evaluate")))
  (@return "Expression of all results; () when there are none"))

(@doc unique
  (@desc "Evaluates an atom and keeps one of each group of equal results (equal up to variable names), in order of first appearance")
  (@params ((@param "Atom to evaluate")))
  (@return "The distinct results"))

(@doc union
  (@desc "Evaluates two atoms and gives all results of both, duplicates kept")
  (@params (
    (@param "First atom to evaluate")
    (@param "Second atom to evaluate")))
  (@return "The results of both"))

(@doc intersection
  (@desc "Evaluates two atoms and gives the results of the first that are also results of the second, counted with multiplicity")
  (@params (
    (@param "First atom to evaluate")
    (@param "Second atom to evaluate")))
  (@return "The common results"))

(@doc subtraction
  (@desc "Evaluates two atoms and gives the results of the first that are not matched by results of the second, counted with multiplicity")
  (@params (
    (@param "Atom whose results are kept")
    (@param "Atom whose results are removed")))
  (@return "The remaining results"))

; ---------------------------------------------------------------------------------------
; Expressions as lists

(@doc car-atom
  (@desc "The first atom of an expression; an error for the empty expression")
  (@params ((@param "Non-empty expression")))
  (@return "Its head"))

(@doc cdr-atom
  (@desc "An expression without its first atom; an error for the empty expression")
  (@params ((@param "Non-empty expression")))
  (@return "Its tail"))

(@doc size-atom
  (@desc "Counts the atoms of an expression")
  (@params ((@param "Expression")))
  (@return "The number of its atoms"))

(@doc index-atom
  (@desc "The atom at a position of an expression, counting from 0. A Float index is truncated; a position outside the expression is an error")
  (@params (
    (@param "Expression")
    (@param "Position")))
  (@return "The atom at that position"))

(@doc min-atom
  (@desc "The smallest number of an expression of numbers. An error for an empty expression or one holding anything but numbers")
  (@params ((@param "Expression of numbers")))
  (@return "The smallest number, as a Float"))

(@doc max-atom
  (@desc "The largest number of an expression of numbers. An error for an empty expression or one holding anything but numbers")
  (@params ((@param "Expression of numbers")))
  (@return "The largest number, as a Float"))

(@doc unique-atom
  (@desc "Removes repeated atoms from an expression (equal up to variable names), keeping the first of each. E.g. (unique-atom (a b a)) gives (a b)")
  (@params ((@param "Expression")))
  (@return "Expression of the distinct atoms"))

(@doc union-atom
  (@desc "Joins two expressions into one. E.g. (union-atom (a b) (b c)) gives (a b b c)")
  (@params (
    (@param "First expression")
    (@param "Second expression")))
  (@return "Expression of the atoms of both, in order"))

(@doc intersection-atom
  (@desc "The atoms of the first expression that also occur in the second, counted with multiplicity. E.g. (intersection-atom (a b b c) (b c c)) gives (b c)")
  (@params (
    (@param "First expression")
    (@param "Second expression")))
  (@return "Expression of the common atoms, in the order of the first"))

(@doc subtraction-atom
  (@desc "The atoms of the first expression that do not occur in the second, counted with multiplicity. E.g. (subtraction-atom (a b b c) (b c)) gives (a b)")
  (@params (
    (@param "Expression whose atoms are kept")
    (@param "Expression whose atoms are removed")))
  (@return "Expression of the remaining atoms"))

(@doc map-atom
  (@desc "Applies a template to every atom of an expression. The template runs as minimal MeTTa, so calls in it must be wrapped in eval: (map-atom (1 2 3) $x (eval (+ $x 1))) gives (2 3 4)")
  (@params (
    (@param "Expression of atoms")
    (@param "Variable that stands for each atom in the template")
    (@param "Template, run as minimal MeTTa")))
  (@return "Expression of the template's results, in order"))

(@doc filter-atom
  (@desc "Keeps the atoms of an expression for which a predicate gives True. The predicate runs as minimal MeTTa: (filter-atom (1 2 3) $x (eval (> $x 1))) gives (2 3)")
  (@params (
    (@param "Expression of atoms")
    (@param "Variable that stands for each atom in the predicate")
    (@param "Predicate, run as minimal MeTTa")))
  (@return "Expression of the atoms kept, in order"))

(@doc foldl-atom
  (@desc "Folds an expression from the left: starting from an initial value, combines the value so far with each atom in turn. The step is evaluated by the full interpreter: (foldl-atom (1 2 3) 0 $acc $x (+ $acc $x)) gives 6")
  (@params (
    (@param "Expression of atoms")
    (@param "Initial value")
    (@param "Variable for the value so far")
    (@param "Variable for the current atom")
    (@param "Step that computes the next value")))
  (@return "The final value; the initial value for an empty expression"))

(@doc for-each-in-atom
  (@desc "Calls a function on every atom of an expression, in order, for its side effects")
  (@params (
    (@param "Expression of atoms")
    (@param "Function to call with each atom")))
  (@return "Unit atom"))

; ---------------------------------------------------------------------------------------
; Equality, arithmetic and logic

(@doc ==
  (@desc "Tests two values for equality after evaluating them. Works on any atoms, compared structurally; the two values must have compatible types")
  (@params (
    (@param "First value")
    (@param "Second value")))
  (@return "True when they are equal, False otherwise"))

(@doc =alpha
  (@desc "Tests two atoms for equality up to the names of their variables, without evaluating them")
  (@params (
    (@param "First atom")
    (@param "Second atom")))
  (@return "True when they are equal up to variable names, False otherwise"))

(@doc noreduce-eq
  (@desc "Tests two atoms for equality without evaluating them")
  (@params (
    (@param "First atom")
    (@param "Second atom")))
  (@return "True when they are equal, False otherwise"))

(@doc +
  (@desc "Adds two numbers. Two integers give an integer; a Float operand makes the result a Float")
  (@params (
    (@param "First addend")
    (@param "Second addend")))
  (@return "The sum"))

(@doc -
  (@desc "Subtracts the second number from the first. Two integers give an integer; a Float operand makes the result a Float")
  (@params (
    (@param "Minuend")
    (@param "Subtrahend")))
  (@return "The difference"))

(@doc *
  (@desc "Multiplies two numbers. Two integers give an integer; a Float operand makes the result a Float")
  (@params (
    (@param "First factor")
    (@param "Second factor")))
  (@return "The product"))

(@doc /
  (@desc "Divides the first number by the second. Integer division truncates toward zero and dividing an integer by 0 is a DivisionByZero error; with a Float operand the result is a Float")
  (@params (
    (@param "Dividend")
    (@param "Divisor")))
  (@return "The quotient"))

(@doc %
  (@desc "The remainder of dividing the first number by the second; it has the sign of the dividend")
  (@params (
    (@param "Dividend")
    (@param "Divisor")))
  (@return "The remainder"))

(@doc <
  (@desc "Tests whether the first number is less than the second")
  (@params (
    (@param "First number")
    (@param "Second number")))
  (@return "True or False"))

(@doc >
  (@desc "Tests whether the first number is greater than the second")
  (@params (
    (@param "First number")
    (@param "Second number")))
  (@return "True or False"))

(@doc <=
  (@desc "Tests whether the first number is less than or equal to the second")
  (@params (
    (@param "First number")
    (@param "Second number")))
  (@return "True or False"))

(@doc >=
  (@desc "Tests whether the first number is greater than or equal to the second")
  (@params (
    (@param "First number")
    (@param "Second number")))
  (@return "True or False"))

(@doc and
  (@desc "Logical conjunction. Both arguments are always evaluated")
  (@params (
    (@param "First Boolean")
    (@param "Second Boolean")))
  (@return "True when both are True, False otherwise"))

(@doc or
  (@desc "Logical disjunction. Both arguments are always evaluated")
  (@params (
    (@param "First Boolean")
    (@param "Second Boolean")))
  (@return "True when at least one is True, False otherwise"))

(@doc xor
  (@desc "Logical exclusive or")
  (@params (
    (@param "First Boolean")
    (@param "Second Boolean")))
  (@return "True when exactly one is True, False otherwise"))

(@doc not
  (@desc "Logical negation")
  (@params ((@param "Boolean")))
  (@return "False for True, True for False"))

; ---------------------------------------------------------------------------------------
; Mathematics

(@doc pow-math
  (@desc "Raises a base to a power")
  (@params (
    (@param "Base")
    (@param "Exponent")))
  (@return "The power, as a Float"))

(@doc sqrt-math
  (@desc "Square root; NaN for a negative number")
  (@params ((@param "Number")))
  (@return "The square root, as a Float"))

(@doc abs-math
  (@desc "Absolute value; an integer stays an integer")
  (@params ((@param "Number")))
  (@return "The absolute value"))

(@doc log-math
  (@desc "Logarithm of a number in a base: (log-math 2 8) gives 3.0")
  (@params (
    (@param "Base")
    (@param "Number")))
  (@return "The logarithm, as a Float"))

(@doc trunc-math
  (@desc "Drops the fractional part of a number, rounding toward zero; an integer is returned as it is")
  (@params ((@param "Number")))
  (@return "The truncated number"))

(@doc ceil-math
  (@desc "Rounds a number up to the nearest whole number; an integer is returned as it is")
  (@params ((@param "Number")))
  (@return "The smallest whole number not below it"))

(@doc floor-math
  (@desc "Rounds a number down to the nearest whole number; an integer is returned as it is")
  (@params ((@param "Number")))
  (@return "The largest whole number not above it"))

(@doc round-math
  (@desc "Rounds a number to the nearest whole number, halves away from zero (-2.5 gives -3.0); an integer is returned as it is")
  (@params ((@param "Number")))
  (@return "The rounded number"))

(@doc sin-math
  (@desc "Sine of an angle in radians")
  (@params ((@param "Angle in radians")))
  (@return "The sine, as a Float"))

(@doc asin-math
  (@desc "Arcsine: the angle whose sine is the number")
  (@params ((@param "Number between -1 and 1")))
  (@return "The angle in radians, as a Float"))

(@doc cos-math
  (@desc "Cosine of an angle in radians")
  (@params ((@param "Angle in radians")))
  (@return "The cosine, as a Float"))

(@doc acos-math
  (@desc "Arccosine: the angle whose cosine is the number")
  (@params ((@param "Number between -1 and 1")))
  (@return "The angle in radians, as a Float"))

(@doc tan-math
  (@desc "Tangent of an angle in radians")
  (@params ((@param "Angle in radians")))
  (@return "The tangent, as a Float"))

(@doc atan-math
  (@desc "Arctangent: the angle whose tangent is the number")
  (@params ((@param "Number")))
  (@return "The angle in radians, as a Float"))

(@doc isnan-math
  (@desc "Tests whether a number is NaN (not a number)")
  (@params ((@param "Number")))
  (@return "True or False"))

(@doc isinf-math
  (@desc "Tests whether a number is positive or negative infinity")
  (@params ((@param "Number")))
  (@return "True or False"))

; ---------------------------------------------------------------------------------------
; Output and strings

(@doc println!
  (@desc "Evaluates an atom and prints it on a line of standard output; a String prints without quotes")
  (@params ((@param "Atom to print")))
  (@return "Unit atom"))

(@doc format-args
  (@desc "Fills each {} of a format string with the next atom of an expression, printed as println! prints it: (format-args \"{} is {}\" (x 1)) gives \"x is 1\". Missing atoms print as nothing, extra ones are ignored, and {{ and }} stand for braces")
  (@params (
    (@param "Format string")
    (@param "Expression of atoms to insert; they are not evaluated")))
  (@return "The filled String"))

(@doc sort-strings
  (@desc "Sorts an expression of Strings by character codes")
  (@params ((@param "Expression of Strings")))
  (@return "Expression of the same Strings, sorted"))

(@doc trace!
  (@desc "Prints its first argument to standard error and returns the second. Both are evaluated; a String prints with its quotes")
  (@params (
    (@param "Atom to print")
    (@param "Atom to return")))
  (@return "The second argument, evaluated"))

(@doc print-alternatives!
  (@desc "Prints a count and a label, then each atom of an expression indented on its own line")
  (@params (
    (@param "Label, printed after the count")
    (@param "Expression of atoms to print")))
  (@return "Unit atom"))

; ---------------------------------------------------------------------------------------
; Spaces

(@doc match
  (@desc "Queries a space with a pattern and instantiates the template for each answer. A pattern (, p1 p2 ...) asks for all parts at once; the pattern's variables are also bound in the caller")
  (@params (
    (@param "Space to query")
    (@param "Pattern")
    (@param "Template instantiated for each answer")))
  (@return "One instantiated template per answer, evaluated; no result when nothing matches"))

(@doc add-atom
  (@desc "Adds an atom to a space as it is, without evaluating it")
  (@params (
    (@param "Space")
    (@param "Atom to add")))
  (@return "Unit atom"))

(@doc add-reduct
  (@desc "Evaluates an atom and adds the result to a space")
  (@params (
    (@param "Space")
    (@param "Atom to evaluate and add")))
  (@return "Unit atom"))

(@doc add-atoms
  (@desc "Adds every atom of an expression to a space, without evaluating them")
  (@params (
    (@param "Space")
    (@param "Expression of atoms to add")))
  (@return "Unit atom"))

(@doc add-reducts
  (@desc "Evaluates an expression and adds each atom of the result to a space")
  (@params (
    (@param "Space")
    (@param "Expression to evaluate; its atoms are added")))
  (@return "Unit atom"))

(@doc remove-atom
  (@desc "Removes one occurrence of an atom from a space; removing an absent atom does nothing")
  (@params (
    (@param "Space")
    (@param "Atom to remove")))
  (@return "Unit atom"))

(@doc get-atoms
  (@desc "Every atom stored in a space, without the spaces it depends on, unevaluated and with fresh variables")
  (@params ((@param "Space")))
  (@return "Each atom, as a separate result"))

(@doc new-space
  (@desc "Creates a new, empty space")
  (@params ())
  (@return "The new space"))

; ---------------------------------------------------------------------------------------
; State

(@doc new-state
  (@desc "Creates a mutable state holding a value; its type is (StateMonad T) for the value's type T. It prints as (State <value>)")
  (@params ((@param "Initial value")))
  (@return "The new state"))

(@doc get-state
  (@desc "The value a state holds now")
  (@params ((@param "State")))
  (@return "Its current value"))

(@doc change-state!
  (@desc "Replaces the value a state holds; the new value must have the state's type")
  (@params (
    (@param "State")
    (@param "New value")))
  (@return "The same state, now holding the new value"))

; ---------------------------------------------------------------------------------------
; Types

(@doc get-type
  (@desc "The types of an atom in the current space (or in a space given as an optional second argument), one result per type; %Undefined% for an untyped atom and no result for a badly typed one")
  (@params ((@param "Atom; it is not evaluated")))
  (@return "Each type of the atom"))

(@doc get-type-space
  (@desc "The types of an atom in the given space, one result per type")
  (@params (
    (@param "Space whose type declarations are used")
    (@param "Atom; it is not evaluated")))
  (@return "Each type of the atom"))

(@doc get-metatype
  (@desc "The kind of an atom: Symbol, Variable, Expression or Grounded")
  (@params ((@param "Atom; it is not evaluated")))
  (@return "Its meta-type"))

(@doc is-function
  (@desc "Tests whether a type is a function type (-> ...)")
  (@params ((@param "Type")))
  (@return "True or False"))

(@doc match-types
  (@desc "Tests whether two types match: they unify, or one of them is %Undefined% or Atom")
  (@params (
    (@param "First type")
    (@param "Second type")
    (@param "Result when they match")
    (@param "Result otherwise")))
  (@return "The chosen result"))

(@doc match-type-or
  (@desc "Helper of type-cast: an or of a Boolean and whether two types match")
  (@params (
    (@param "Boolean so far")
    (@param "Type to test")
    (@param "Type it must match")))
  (@return "True when the Boolean is True or the types match"))

(@doc first-from-pair
  (@desc "The first atom of a two-atom expression; an error for anything else")
  (@params ((@param "Pair")))
  (@return "Its first atom"))

(@doc type-cast
  (@desc "Checks that an atom has a type, in a space: it passes when its meta-type is that type or one of its types matches it")
  (@params (
    (@param "Atom")
    (@param "Type it should have")
    (@param "Space whose type declarations are used")))
  (@return "The atom, or (Error <atom> BadType)"))

; ---------------------------------------------------------------------------------------
; Assertions

(@doc assertEqual
  (@desc "Evaluates two atoms and checks that they have the same results, in any order, with repetitions counted")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Atom whose results are expected")))
  (@return "Unit atom, or an error listing the expected, actual, missed and excessive results"))

(@doc assertEqualMsg
  (@desc "Like assertEqual, with a message of one's own for the error")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Atom whose results are expected")
    (@param "Message of the error when they differ")))
  (@return "Unit atom, or an error holding the message"))

(@doc assertEqualToResult
  (@desc "Evaluates an atom and checks its results, in any order, against a list of expected results that is not evaluated")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Expression of the expected results")))
  (@return "Unit atom, or an error listing the expected, actual, missed and excessive results"))

(@doc assertEqualToResultMsg
  (@desc "Like assertEqualToResult, with a message of one's own for the error")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Expression of the expected results")
    (@param "Message of the error when they differ")))
  (@return "Unit atom, or an error holding the message"))

(@doc assertAlphaEqual
  (@desc "Like assertEqual, but results that differ only in variable names count as equal")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Atom whose results are expected")))
  (@return "Unit atom, or an error listing the differences"))

(@doc assertAlphaEqualMsg
  (@desc "Like assertAlphaEqual, with a message of one's own for the error")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Atom whose results are expected")
    (@param "Message of the error when they differ")))
  (@return "Unit atom, or an error holding the message"))

(@doc assertAlphaEqualToResult
  (@desc "Like assertEqualToResult, but results that differ only in variable names count as equal")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Expression of the expected results")))
  (@return "Unit atom, or an error listing the differences"))

(@doc assertAlphaEqualToResultMsg
  (@desc "Like assertAlphaEqualToResult, with a message of one's own for the error")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Expression of the expected results")
    (@param "Message of the error when they differ")))
  (@return "Unit atom, or an error holding the message"))

(@doc assertIncludes
  (@desc "Evaluates an atom and checks that every listed atom is among its results")
  (@params (
    (@param "Atom whose results are checked")
    (@param "Expression of atoms that must be among the results")))
  (@return "Unit atom, or an error naming the missing atoms"))

(@doc assert
  (@desc "Evaluates an atom and checks that it gives True")
  (@params ((@param "Atom that should evaluate to True")))
  (@return "Unit atom, or the error (<atom> not True)"))

; ---------------------------------------------------------------------------------------
; Modules and tokens

(@doc import!
  (@desc "Loads a module once and makes it available. With &self, the module's atoms and tokens become visible in the current module; with another name, a token &<name> is bound to the module's space. Module names are file or directory names relative to the importing module, with : separating directories, or the built-in modules random, fileio and json")
  (@params (
    (@param "&self, or the name of the token to bind")
    (@param "Module name")))
  (@return "Unit atom"))

(@doc include
  (@desc "Runs the code of a module file inside the current module, as if it were written there")
  (@params ((@param "Module name")))
  (@return "The results of the file's last evaluated expression"))

(@doc bind!
  (@desc "Registers a token: in the rest of the program the token is read as the given atom")
  (@params (
    (@param "Token, a symbol")
    (@param "Atom the token stands for; it is evaluated first")))
  (@return "Unit atom"))

(@doc mod-space!
  (@desc "The space of a module, loading the module first if needed; top is the running program's module")
  (@params ((@param "Module name")))
  (@return "The module's space"))

(@doc module-space-no-deps
  (@desc "The space of a module without the modules it depends on")
  (@params ((@param "Module space")))
  (@return "The module's own space"))

(@doc register-module!
  (@desc "Loads a module from a file system path: a .metta file or a directory holding module.metta")
  (@params ((@param "Path")))
  (@return "Unit atom"))

(@doc git-module!
  (@desc "Loads a module from a git repository. Rhizome loads modules from the file system only, so this gives an error")
  (@params ((@param "Repository URL")))
  (@return "An error"))

(@doc print-mods!
  (@desc "Prints the loaded modules and where they come from")
  (@params ())
  (@return "Unit atom"))
`;
